"""Reading System.in in a cell (issue 13): the kernel sends input_request on the stdin channel, the
front end answers input_reply (an input box in the notebook); a front end without stdin gets a
clear error at once."""
import unittest

from kernel_session import KernelTestCase, TIMEOUT


class StdinTest(KernelTestCase):

    def printed_with_input(self, code, answers):
        """Runs code with allow_stdin, answering each input_request in turn; asserts that the cell
        succeeded and returns what it printed."""
        msg_id = self.kc.execute(code, allow_stdin=True)
        for answer in answers:
            request = self.kc.get_stdin_msg(timeout=TIMEOUT)
            self.assertEqual(request["msg_type"], "input_request")
            self.assertEqual(request["parent_header"]["msg_id"], msg_id)
            self.kc.input(answer)
        reply = self.shell_reply(msg_id)["content"]
        self.assertEqual(reply["status"], "ok", reply)
        return self.stream_of(self.outputs_of(msg_id))

    def test_scanner_next_line_reads_what_the_user_typed(self):
        printed = self.printed_with_input(
            'System.out.print("Your name: ");\n'
            'var in = new Scanner(System.in);\n'
            'String name = in.nextLine();\n'
            'int age = in.nextInt();\n'
            'System.out.println("hello " + name + ", " + (age + 1) + " next year");',
            ["Ada Lovelace", "36"])
        self.assertIn("Your name: ", printed)
        self.assertIn("hello Ada Lovelace, 37 next year", printed)

    def test_system_in_read_and_a_buffered_reader_read_the_reply(self):
        printed = self.printed_with_input(
            "int first = System.in.read();\n"
            "var reader = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));\n"
            'System.out.println((char) first + "|" + reader.readLine() + "|" + reader.readLine());',
            ["xyz", "second line"])
        self.assertIn("x|yz|second line", printed)

    def test_without_stdin_a_read_fails_at_once_saying_why(self):
        content, _ = self.run_cell("new Scanner(System.in).nextLine()", allow_stdin=False)
        self.assertEqual(content["status"], "error")
        self.assertIn("allow_stdin is false", content["evalue"])
        self.assertNotIn("No line found", content["evalue"])

    def test_an_interrupt_ends_a_cell_waiting_for_input(self):
        msg_id = self.kc.execute("String never = new Scanner(System.in).nextLine();", allow_stdin=True)
        self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id)["content"]
        self.assertEqual(reply["ename"], "Interrupted")
        # The next question gets the next answer, not a stale one.
        self.assertIn("got fresh", self.printed_with_input(
            'System.out.println("got " + new Scanner(System.in).nextLine());', ["fresh"]))


if __name__ == "__main__":
    unittest.main()
