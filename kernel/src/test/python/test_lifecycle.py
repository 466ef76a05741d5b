"""Shutdown and restart through the protocol, as a front end's Kernel menu does them."""
import time
import unittest

from jupyter_client.manager import start_new_kernel

from kernel_env import KERNEL_NAME


class KernelLifecycleTest(unittest.TestCase):

    def test_shutdown_request_is_answered_and_the_process_ends(self):
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
        try:
            msg_id = kc.shutdown()
            reply = kc.get_control_msg(timeout=10)  # shutdown goes over the control channel
            self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            deadline = time.monotonic() + 10
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            self.assertFalse(km.is_alive(), "kernel process still running after shutdown_reply")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_restart_gives_a_fresh_working_kernel(self):
        km, kc = start_new_kernel(kernel_name=KERNEL_NAME)
        try:
            kc.execute_interactive("int before = 1;", timeout=30)
            km.restart_kernel()
            kc.wait_for_ready(timeout=60)
            reply = kc.execute_interactive("before", timeout=30)
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(reply["content"]["ename"], "CompilationError")
            self.assertEqual(kc.execute_interactive("2 + 2", timeout=30)["content"]["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


if __name__ == "__main__":
    unittest.main()
