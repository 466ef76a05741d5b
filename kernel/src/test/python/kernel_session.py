"""A test case with one kernel of its own for the whole class, started through jupyter_client,
its stderr (the kernel's log) kept in a file, and helpers to run cells and read what they send."""
import os
import tempfile
import time
import unittest

from jupyter_client.manager import start_new_kernel

from kernel_env import KERNEL_NAME

TIMEOUT = 30


class KernelTestCase(unittest.TestCase):
    # Environment variables the kernel gets on top of the test's own.
    kernel_env = {}

    @classmethod
    def setUpClass(cls):
        cls.log_path = os.path.join(tempfile.mkdtemp(prefix="tinyml-kernel-log-"), "kernel.err")
        cls.log = open(cls.log_path, "w")
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, stderr=cls.log,
                                          env={**os.environ, **cls.kernel_env})

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        cls.log.close()

    def run_cell(self, code, timeout=TIMEOUT, **options):
        """Executes code; returns (reply content, [(msg_type, content)] of its iopub output)."""
        msg_id = self.kc.execute(code, **options)
        reply = self.shell_reply(msg_id, timeout)
        return reply["content"], self.outputs_of(msg_id, timeout)

    def outputs_of(self, msg_id, timeout=TIMEOUT):
        """The iopub output of a request, up to its idle status."""
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append((msg["msg_type"], msg["content"]))

    def shell_reply(self, msg_id, timeout=TIMEOUT):
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def reply_statuses(self, msg_ids, timeout=TIMEOUT):
        """Replies may come in any order (aborted ones before the error that caused them)."""
        statuses = {}
        while len(statuses) < len(msg_ids):
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") in msg_ids:
                statuses[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
        return statuses

    def value_of(self, code):
        """The text/plain result of a cell that must succeed."""
        content, outputs = self.run_cell(code)
        self.assertEqual(content["status"], "ok", content)
        return [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"][0]

    @staticmethod
    def stream_of(outputs, name="stdout"):
        return "".join(c["text"] for t, c in outputs if t == "stream" and c["name"] == name)

    def log_text(self, contains, timeout=5):
        """The kernel's log once it contains {contains} (or as it is after {timeout} s)."""
        deadline = time.monotonic() + timeout
        while True:
            self.log.flush()
            with open(self.log_path) as log:
                text = log.read()
            if contains in text or time.monotonic() > deadline:
                return text
            time.sleep(0.1)

    def kernel_threads(self):
        with open(f"/proc/{self.km.provisioner.process.pid}/status") as status:
            return int(next(line for line in status if line.startswith("Threads:")).split()[1])
