"""./tinyml bench kernel: how the kernel holds up over a long session, through jupyter_client.

Prints: cell latency over 5,000 trivial cells (median of the first and the last hundred) and the
heap retained after a full GC before and after them; how long an interrupt takes to answer a busy
loop and a cell blocked in ServerSocket.accept(); how long a kernel takes to start, and its idle
memory, with a 100 MB history file. A figure, not a test: nothing here fails on a slow machine.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("TINYML_KERNEL", "tinyml")
NO_REPLY = 10.0


def execute(kc, code, timeout=60, **options):
    """Runs code; returns (reply content, execute_result text or None) once the kernel is idle."""
    msg_id = kc.execute(code, **options)
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg["content"]
            break
    result = None
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"]["text/plain"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply, result


def retained_heap_mb(kc):
    _, text = execute(kc, "System.gc(); System.gc();\n"
                          "(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576",
                      store_history=False)
    return int(text)


def rss_mb(km):
    with open(f"/proc/{km.provisioner.process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


def long_session(cells):
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
    try:
        execute(kc, "1")
        heap_before = retained_heap_mb(kc)
        latencies = []
        for i in range(cells):
            started = time.monotonic()
            reply, _ = execute(kc, f"{i} + 1")
            latencies.append(time.monotonic() - started)
            if reply["status"] != "ok":
                raise RuntimeError(f"cell {i} failed: {reply}")
            if (i + 1) % 1000 == 0 and i + 1 < cells:
                print(f"  after {i + 1} cells: median of the last 100 {statistics.median(latencies[-100:]) * 1000:.1f} ms, "
                      f"retained heap {retained_heap_mb(kc)} MB", flush=True)
        heap_after = retained_heap_mb(kc)
        first = statistics.median(latencies[:100]) * 1000
        last = statistics.median(latencies[-100:]) * 1000
        print(f"{cells} cells: median latency first 100 {first:.1f} ms, last 100 {last:.1f} ms "
              f"(x{last / first:.2f})")
        print(f"retained heap after GC: {heap_before} MB at start, {heap_after} MB after {cells} cells; "
              f"RSS {rss_mb(km)} MB")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def interrupt_latency(km, kc, setup, blocking):
    if setup:
        execute(kc, setup)
    msg_id = kc.execute(blocking)
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    deadline = started + NO_REPLY
    while time.monotonic() < deadline:
        try:
            msg = kc.get_shell_msg(timeout=deadline - time.monotonic())
        except Exception:  # queue.Empty
            break
        if msg["parent_header"].get("msg_id") == msg_id:
            return f"{(time.monotonic() - started) * 1000:.0f} ms ({msg['content'].get('evalue', '')})"
    return f"no reply in {NO_REPLY:.0f} s"


def interrupts():
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
    try:
        execute(kc, "1")  # JShell is up
        print("interrupt, busy loop:", interrupt_latency(km, kc, None, "while (true) { }"))
        print("interrupt, blocked accept():", interrupt_latency(
            km, kc, "var srv = new java.net.ServerSocket(0);", "srv.accept()"))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def big_history(path, megabytes):
    """A history file of about {megabytes} MB: many ordinary cells and some with large outputs."""
    output = "x" * (1024 * 1024)
    with open(path, "w") as out:
        written, line = 0, 0
        while written < megabytes * 1024 * 1024:
            line += 1
            big = line % 50 == 0
            entry = {"session": 1 + line // 1000, "line": line, "input": f"var v{line} = {line};",
                     "output": output if big else str(line)}
            text = json.dumps(entry) + "\n"
            out.write(text)
            written += len(text)


def start_with_history(megabytes):
    folder = tempfile.mkdtemp(prefix="tinyml-bench-history-")
    path = os.path.join(folder, "history.jsonl")
    old = os.environ.get("TINYML_HISTORY")
    os.environ["TINYML_HISTORY"] = path
    try:
        for size in (0, megabytes):
            if size:
                big_history(path, size)
            started = time.monotonic()
            km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
            try:
                execute(kc, "1 + 1")
                seconds = time.monotonic() - started
                time.sleep(1)
                print(f"start to first result with a {size} MB history: {seconds:.2f} s, idle RSS {rss_mb(km)} MB, "
                      f"retained heap {retained_heap_mb(kc)} MB")
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
    finally:
        shutil.rmtree(folder)
        if old is None:
            del os.environ["TINYML_HISTORY"]
        else:
            os.environ["TINYML_HISTORY"] = old


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=5000)
    parser.add_argument("--history-mb", type=int, default=100)
    parser.add_argument("--only", choices=["session", "interrupt", "start"])
    args = parser.parse_args()
    # The benchmark's own cells must not land in the user's history.
    os.environ["TINYML_HISTORY"] = os.path.join(tempfile.mkdtemp(prefix="tinyml-bench-"), "history.jsonl")
    if args.only in (None, "interrupt"):
        interrupts()
    if args.only in (None, "start"):
        start_with_history(args.history_mb)
    if args.only in (None, "session"):
        long_session(args.cells)


if __name__ == "__main__":
    main()
