#!/usr/bin/env python3
"""End-to-end check of a board over its pseudo-terminal, as the Java side will talk to it.

  board_test.py host BUILD/tinyml-host SAMPLE_DIR
  board_test.py qemu BUILD/tinyml-mps2.elf SAMPLE_DIR

Starts the board, pings HELLO until it answers, uploads sample.tmb, checks that INFER answers
sample.out, that garbage gets error answers and the board keeps serving, then stops the board.
Prints the figures it measured. Exit status 0 when every check passed."""
import os
import select
import struct
import subprocess
import sys
import time
import tty
import zlib

ERROR = 0xFF


def cobs_encode(data):
    out, block = bytearray(), bytearray()
    for b in data:
        if b == 0:
            out.append(len(block) + 1)
            out += block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out.append(255)
                out += block
                block = bytearray()
    out.append(len(block) + 1)
    out += block
    return bytes(out)


def cobs_decode(data):
    out, i = bytearray(), 0
    while i < len(data):
        code = data[i]
        if code == 0 or i + code > len(data):
            raise ValueError("bad COBS")
        out += data[i + 1:i + code]
        i += code
        if code != 255 and i < len(data):
            out.append(0)
    return bytes(out)


class Link:
    def __init__(self, path):
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        self.seq = 0
        self.pending = bytearray()

    def send_raw(self, data):
        os.write(self.fd, data)

    def read_frame(self, timeout):
        deadline = time.time() + timeout
        while 0 not in self.pending:
            left = deadline - time.time()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            self.pending += os.read(self.fd, 65536)
        end = self.pending.index(0)
        wire, self.pending = bytes(self.pending[:end]), self.pending[end + 1:]
        if not wire:
            return self.read_frame(max(0.0, deadline - time.time()))
        packet = cobs_decode(wire)
        assert zlib.crc32(packet[:-4]) == struct.unpack("<I", packet[-4:])[0], "answer CRC"
        return packet[1], struct.unpack("<H", packet[2:4])[0], packet[4:-4]

    def request(self, code, payload=b"", timeout=20.0):
        self.seq = self.seq % 65535 + 1
        packet = bytes([1, code]) + struct.pack("<H", self.seq) + payload
        packet += struct.pack("<I", zlib.crc32(packet))
        self.send_raw(b"\0" + cobs_encode(packet) + b"\0")
        while True:  # late answers to earlier pings carry older seqs: skip them
            answer = self.read_frame(timeout)
            assert answer is not None, "no answer to command 0x%02x" % code
            if answer[1] == self.seq or (answer[0] == ERROR and answer[1] == 0):
                return answer[0], answer[2]


def check(ok, what):
    if not ok:
        raise AssertionError(what)


def start(kind, program):
    if kind == "host":
        proc = subprocess.Popen([program], stdout=subprocess.PIPE, text=True)
        return proc, proc.stdout.readline().strip()
    proc = subprocess.Popen(["qemu-system-arm", "-M", "mps2-an386", "-nographic", "-monitor", "none",
                             "-icount", "shift=7", "-kernel", program, "-serial", "pty"],
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # "char device redirected to /dev/pts/N (label serial0)"
    return proc, line.split("redirected to ")[1].split()[0]


def hello(link, timeout):
    """Pings until the board answers: QEMU notices an opened pty only about once a second."""
    started = time.time()
    while time.time() - started < timeout:
        link.seq = link.seq % 65535 + 1
        packet = bytes([1, 0x01]) + struct.pack("<H", link.seq)
        link.send_raw(b"\0" + cobs_encode(packet + struct.pack("<I", zlib.crc32(packet))) + b"\0")
        answer = link.read_frame(0.2)
        if answer is not None and answer[0] == 0x81:
            return answer[2], time.time() - started
    raise AssertionError("no HELLO answer in %.0f s" % timeout)


def main():
    kind, program, sample_dir = sys.argv[1:4]
    blob = open(os.path.join(sample_dir, "sample.tmb"), "rb").read()
    sample_in = open(os.path.join(sample_dir, "sample.in"), "rb").read()
    sample_out = open(os.path.join(sample_dir, "sample.out"), "rb").read()
    proc, path = start(kind, program)
    try:
        link = Link(path)
        answer, waited = hello(link, 15.0)
        check(answer[:4] == b"TMRT", "HELLO magic")
        max_payload = struct.unpack("<I", answer[8:12])[0]
        code, info = link.request(0x02)
        name = info[41:41 + info[40]].decode()
        unit = info[32]
        check(code == 0x82 and (name == "host" if kind == "host" else name.startswith("qemu-m4")), "INFO")

        started = time.time()
        code, answer = link.request(0x10, struct.pack("<II", len(blob), struct.unpack("<I", blob[-4:])[0]))
        check(code == 0x90, "LOAD_BEGIN")
        chunk = min(struct.unpack("<I", answer)[0], 256)  # small chunks: many acknowledged frames
        for offset in range(0, len(blob), chunk):
            code, answer = link.request(0x11, struct.pack("<I", offset) + blob[offset:offset + chunk])
            check(code == 0x91, "LOAD_CHUNK at %d" % offset)
        code, answer = link.request(0x12)
        check(code == 0x92, "LOAD_END: %r" % (answer,))
        upload = time.time() - started

        times = []
        for _ in range(3):
            code, answer = link.request(0x20, sample_in)
            check(code == 0xA0 and answer[12:] == sample_out, "INFER output %r" % (answer[12:],))
            times.append(struct.unpack("<Q", answer[4:12])[0])
        if kind == "qemu":
            check(len(set(times)) == 1, "repeatable instruction count %r" % times)

        link.send_raw(b"\x05garbage\x01\x02\x00")  # not a frame: an error answer
        frame = link.read_frame(5.0)
        check(frame is not None and frame[0] == ERROR, "garbage answered with an error")
        link.send_raw(b"\x01" * (max_payload + 200) + b"\x00")  # oversize
        frame = link.read_frame(10.0)
        check(frame is not None and frame[0] == ERROR and frame[2][0] == 3, "oversize answered")
        code, answer = link.request(0x20, sample_in)
        check(code == 0xA0 and answer[12:] == sample_out, "INFER after garbage")
        code, stats = link.request(0x30)
        check(code == 0xB0 and struct.unpack("<I", stats[16:20])[0] == 4, "STATS inferences")
        code, _ = link.request(0x40)
        code, answer = link.request(0x20, sample_in)
        check(code == ERROR and answer[0] == 7, "no model after RESET")
        units = {1: "us", 2: "instructions", 3: "cycles"}
        print("%s board OK: first HELLO after %.2f s, upload %d bytes in %.3f s, INFER time %s %s"
              % (kind, waited, len(blob), upload, times[0], units.get(unit, unit)))
        return 0
    finally:
        proc.terminate()
        proc.wait(5)


if __name__ == "__main__":
    sys.exit(main())
