"""Faults a hostile or a clumsy user causes (issue 10), over the real protocol: a value whose
toString() overflows the stack or hangs, malformed signed messages, cells blocked in I/O or on a
lock, failures wrapped in long cause chains. Each gets an answer, and the kernel takes the next
cell with the earlier variables."""
import os
import tempfile
import time
import unittest

from kernel_session import KernelTestCase, TIMEOUT


class KernelFaultTest(KernelTestCase):

    def interrupted(self, code, interrupts=1):
        """Runs code, interrupts it (as an impatient user would, maybe many times); returns the reply."""
        msg_id = self.kc.execute(code)
        time.sleep(0.7)  # well into the cell
        for _ in range(interrupts):
            self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=TIMEOUT)["content"]
        self.outputs_of(msg_id)
        return reply

    def send_signed(self, msg_type, content):
        """A correctly signed shell message whose header says msg_type (any JSON value); returns its id."""
        msg = self.kc.session.msg("execute_request", content)
        msg["header"]["msg_type"] = msg_type
        self.kc.session.send(self.kc.shell_channel.socket, msg)
        return msg["header"]["msg_id"]

    def test_a_value_whose_toString_overflows_the_stack_is_an_error_and_the_kernel_lives_on(self):
        self.run_cell('class Node { Node next; public String toString() { return "Node->" + next; } }')
        self.run_cell("var n = new Node(); n.next = n;")
        content, outputs = self.run_cell("n")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "java.lang.StackOverflowError")
        self.assertIn("could not be shown", content["evalue"])
        self.assertLess(len(content["traceback"]), 12, "\n".join(content["traceback"]))
        self.assertEqual([t for t, c in outputs], ["error"])
        self.assertEqual(self.value_of("n.next == n"), "true")

    def test_an_interrupt_stops_a_toString_that_never_returns(self):
        self.run_cell('class Stuck { public String toString() { while (true) { } } }')
        reply = self.interrupted("new Stuck()")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertEqual(self.value_of("6 * 7"), "42")

    def test_a_header_whose_msg_type_is_not_a_name_is_logged_and_the_loop_goes_on(self):
        for bad, logged in ((None, "null"), ({}, "{}"), (["execute_request"], '["execute_request"]')):
            with self.subTest(msg_type=bad):
                self.send_signed(bad, {"code": "1", "silent": False})
                self.assertIn(f"msg_type is {logged},", self.log_text(f"msg_type is {logged},"))
                self.assertEqual(self.value_of("2 + 2"), "4")

    def test_an_execute_request_without_code_gets_an_error_naming_the_field(self):
        msg_id = self.send_signed("execute_request", {"silent": False})
        reply = self.shell_reply(msg_id, timeout=10)
        self.assertEqual(reply["msg_type"], "execute_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn('"code"', reply["content"]["evalue"])
        self.assertNotIn("NullPointer", reply["content"]["ename"] + reply["content"]["evalue"])
        self.assertEqual(self.value_of("1 + 1"), "2")

    def test_a_history_request_for_minus_one_cells_gets_an_error_naming_n(self):
        self.run_cell("int remembered = 1;")
        msg_id = self.kc.history(hist_access_type="tail", n=-1)
        reply = self.shell_reply(msg_id, timeout=10)
        self.assertEqual(reply["msg_type"], "history_reply")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn('"n" is -1', reply["content"]["evalue"])
        msg_id = self.kc.history(hist_access_type="tail", n=1)
        self.assertEqual(self.shell_reply(msg_id)["content"]["status"], "ok")

    def test_an_interrupt_ends_a_cell_blocked_in_accept_names_the_call_and_keeps_state(self):
        self.run_cell("int before = 41;\nvar server = new java.net.ServerSocket(0);")
        threads = self.kernel_threads()
        reply = self.interrupted("var client = server.accept();", interrupts=10)
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertIn("java.net.ServerSocket.accept at cell [", reply["evalue"])
        self.assertEqual(self.value_of("before + 1"), "42")
        # Closing the socket ends the thread that was left behind: nothing stays over.
        self.run_cell("server.close();")
        deadline = time.monotonic() + 10
        while self.kernel_threads() > threads + 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertLessEqual(self.kernel_threads(), threads + 1)

    def test_an_interrupt_ends_a_cell_reading_a_child_process_pipe(self):
        self.run_cell('var sleeper = new ProcessBuilder("sleep", "600").start();')
        reply = self.interrupted("sleeper.getInputStream().read()")
        self.assertEqual(reply["ename"], "Interrupted")
        self.assertRegex(reply["evalue"], r"\.read at cell \[\d+\], line 1")
        self.assertEqual(self.value_of("sleeper.destroyForcibly().isAlive() && false"), "false")

    def test_an_interrupt_ends_a_cell_waiting_for_a_lock_another_thread_holds(self):
        self.run_cell("var lock = new Object();\n"
                      "var holder = new Thread(() -> { synchronized (lock) {\n"
                      "    try { Thread.sleep(600_000); } catch (InterruptedException e) { } } });\n"
                      "holder.setDaemon(true);\nholder.start();\nThread.sleep(200);")
        reply = self.interrupted('synchronized (lock) { System.out.println("got it"); }')
        self.assertEqual(reply["ename"], "Interrupted")
        self.run_cell("holder.interrupt();")
        self.assertEqual(self.value_of("1 + 2"), "3")

    def test_cells_after_an_expression_that_threw_still_compile(self):
        # The failed expression's temporary variable must not linger, imported by every later cell.
        self.run_cell('int fail() { throw new IllegalStateException("no"); }')
        content, _ = self.run_cell("fail()")
        self.assertEqual(content["status"], "error")
        self.assertEqual(self.value_of("var later = 3;\nlater * 2"), "6")
        self.assertEqual(self.value_of('System.out.println("x");\n"still " + later'), "still 3")

    def test_a_trace_never_ends_with_the_same_frame_one_more_time(self):
        self.run_cell('int check(int x) {\n    if (x > 0) throw new IllegalStateException("x is " + x);\n    return x;\n}')
        content, _ = self.run_cell("check(3)")
        trace = "\n".join(content["traceback"])
        self.assertIn("check (cell [", trace)
        self.assertNotIn("1 more time", trace)

    def test_a_long_cause_chain_shows_the_message_the_cell_line_and_only_causes_that_add_something(self):
        content, _ = self.run_cell(
            'Exception chain = new java.io.IOException("port /dev/ttyUSB9 not found");\n'
            'for (int i = 0; i < 12; i++) chain = new RuntimeException(chain);\n'
            'throw new IllegalStateException("no board at /dev/ttyUSB9: plug it in", chain);')
        trace = content["traceback"]
        self.assertEqual(content["evalue"], "no board at /dev/ttyUSB9: plug it in")
        self.assertIn("line 3", "\n".join(trace))
        causes = [line for line in trace if line.startswith("Caused by")]
        self.assertEqual(len(causes), 1, "\n".join(trace))
        self.assertIn("port /dev/ttyUSB9 not found", causes[0])

    def test_a_missing_serial_board_is_a_short_error(self):
        content, _ = self.run_cell('var board = Device.open("/dev/ttyTINYML-none");')
        self.assertEqual(content["status"], "error")
        trace = content["traceback"]
        self.assertIn("/dev/ttyTINYML-none", content["evalue"])
        self.assertIn("at cell [", "\n".join(trace))
        self.assertNotIn("com.fazecast", "\n".join(trace))
        self.assertLess(len(trace), 6, "\n".join(trace))


class UnwritableHistoryTest(KernelTestCase):
    # A history path below a regular file can never be created.
    blocker = tempfile.NamedTemporaryFile(prefix="tinyml-not-a-folder-", delete=False).name
    kernel_env = {"TINYML_HISTORY": os.path.join(blocker, "history.jsonl")}

    def test_cells_still_succeed_and_the_user_is_warned_once(self):
        content, outputs = self.run_cell("int kept = 5;")
        self.assertEqual(content["status"], "ok")
        self.assertIn("cell history cannot be written to", self.stream_of(outputs, "stderr"))
        content, outputs = self.run_cell("kept * 2")
        self.assertEqual(content["status"], "ok")
        self.assertEqual(self.stream_of(outputs, "stderr"), "")
        msg_id = self.kc.history(hist_access_type="tail", n=2)
        history = self.shell_reply(msg_id)["content"]["history"]
        self.assertEqual([entry[2] for entry in history], ["int kept = 5;", "kept * 2"])


if __name__ == "__main__":
    unittest.main()
