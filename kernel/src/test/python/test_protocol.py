"""Protocol behaviour beyond the conformance suite, through jupyter_client: interrupts, errors
that point at cell lines, System.exit refused, output from threads, display updates, and
messages that are forged, malformed or unknown."""
import signal
import time
import unittest
from queue import Empty

from jupyter_client.session import Session

from kernel_session import KernelTestCase, TIMEOUT


class KernelProtocolTest(KernelTestCase):

    def test_interrupt_stops_a_busy_loop_within_a_second_and_keeps_state(self):
        self.run_cell("int kept = 41;")
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(0.5)  # let the loop start
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=5)
        latency = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(latency, 1.0, f"interrupt took {latency:.3f} s")
        print(f"\ninterrupt latency: {latency * 1000:.0f} ms")
        content, outputs = self.run_cell("kept + 1")
        self.assertEqual(content["status"], "ok")
        results = [c for t, c in outputs if t == "execute_result"]
        self.assertEqual(results[0]["data"]["text/plain"], "42")

    def test_interrupted_fit_keeps_its_last_batch_says_so_once_and_the_cell_goes_on(self):
        self.run_cell("var sine = Datasets.sine(200_000, 1);\n"
                      "var net = Model.sequential(Shape.of(1)).dense(64).relu().dense(64).relu().dense(1);")
        msg_id = self.kc.execute("var h = net.fit(sine, Fit.epochs(50).batch(32).sgd(0.01).seed(3));\n"
                                 "int afterFit = h.epochs() + 100;")
        streamed = ""
        while True:  # training runs once its live chart shows
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "display_data":
                self.assertIn("image/png", msg["content"]["data"])
                break
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id, timeout=TIMEOUT)
        latency = time.monotonic() - started
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        print(f"\ninterrupting fit took {latency:.3f} s")
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            self.assertNotEqual(msg["msg_type"], "error")
            if msg["msg_type"] == "stream":
                streamed += msg["content"]["text"]
        self.assertEqual(streamed.count("the model keeps the weights of the last finished batch"), 1, streamed)
        self.assertNotIn("Interrupted", streamed)
        content, outputs = self.run_cell("afterFit >= 100 && h.stopped() && !h.toString().contains(\"NaN\")")
        self.assertEqual([c["data"]["text/plain"] for t, c in outputs if t == "execute_result"], ["true"],
                         "the statement after the fit ran; the history says it stopped and has no NaN rows")
        content, outputs = self.run_cell(
            "net.fit(sine.take(640), Fit.epochs(1).batch(32).sgd(0.01).seed(4)).table().rowCount()")
        self.assertEqual(content["status"], "ok")
        self.assertEqual([c["data"]["text/plain"] for t, c in outputs if t == "execute_result"], ["1"])

    def test_sigint_also_stops_a_busy_loop(self):
        msg_id = self.kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        time.sleep(0.5)
        self.km.signal_kernel(signal.SIGINT)
        reply = self.shell_reply(msg_id, timeout=5)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        content, _ = self.run_cell("1 + 1")
        self.assertEqual(content["status"], "ok")

    def test_exception_traceback_names_cell_lines_and_no_kernel_frames(self):
        self.run_cell("int half(int x) {\n    if (x == 0) throw new IllegalArgumentException(\"zero\");\n    return x / 2;\n}")
        content, outputs = self.run_cell("int a = 4;\n\nhalf(a - 4)")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(content["evalue"], "zero")
        trace = "\n".join(content["traceback"])
        self.assertIn("half (cell [", trace)
        self.assertIn("], line 2)", trace)
        self.assertIn("line 3", trace)
        for machinery in ("jdk.jshell", "io.tinymlaas.kernel", "java.lang.reflect", "jdk.internal"):
            self.assertNotIn(machinery, trace)
        self.assertEqual([t for t, c in outputs], ["error"])

    def test_compile_error_names_the_line(self):
        content, _ = self.run_cell("int ok = 1;\nString wrong = ok;\n")
        self.assertEqual(content["status"], "error")
        self.assertEqual(content["ename"], "CompilationError")
        self.assertTrue(content["evalue"].startswith("line 2: incompatible types"), content["evalue"])

    def test_system_exit_is_refused_and_the_kernel_lives_on(self):
        self.run_cell("int survivor = 7;")
        content, _ = self.run_cell("System.exit(1);")
        self.assertEqual(content["status"], "error")
        self.assertIn("refused", content["evalue"])
        self.assertNotIn("io.tinymlaas.kernel", "\n".join(content["traceback"]))
        content, outputs = self.run_cell("survivor")
        self.assertEqual(content["status"], "ok")
        self.assertEqual([c for t, c in outputs if t == "execute_result"][0]["data"]["text/plain"], "7")

    def test_output_from_a_thread_the_cell_started_reaches_the_cell(self):
        content, outputs = self.run_cell(
            'Thread t = new Thread(() -> System.out.println("from the worker"));\nt.start();\nt.join();')
        self.assertEqual(content["status"], "ok")
        self.assertIn("from the worker", self.stream_of(outputs))

    def test_an_exception_in_a_thread_the_cell_started_is_reported(self):
        content, outputs = self.run_cell(
            'Thread worker = new Thread(() -> { throw new IllegalStateException("worker died"); }, "worker");\n'
            'worker.start();\nworker.join();')
        self.assertEqual(content["status"], "ok")
        stderr = self.stream_of(outputs, "stderr")
        self.assertIn('Exception in thread "worker": java.lang.IllegalStateException: worker died', stderr)

    def test_output_is_streamed_while_the_cell_runs(self):
        msg_id = self.kc.execute('System.out.println("early");\nThread.sleep(1500);\nSystem.out.println("late");')
        first_text_at = None
        started = time.monotonic()
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and "early" in msg["content"]["text"] and first_text_at is None:
                first_text_at = time.monotonic() - started
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.shell_reply(msg_id)
        self.assertIsNotNone(first_text_at)
        self.assertLess(first_text_at, 1.0, "output arrived only at the end of the cell")

    def test_update_display_data_replaces_a_display(self):
        content, outputs = self.run_cell('String id = display("first", "progress");\nupdateDisplay(id, html("<i>second</i>"));')
        self.assertEqual(content["status"], "ok")
        kinds = [t for t, c in outputs]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        self.assertEqual(outputs[0][1]["transient"]["display_id"], "progress")
        self.assertEqual(outputs[1][1]["transient"]["display_id"], "progress")
        self.assertEqual(outputs[1][1]["data"]["text/html"], "<i>second</i>")

    def test_a_message_with_a_bad_signature_is_ignored(self):
        self.run_cell("int untouched = 1;")
        forger = Session(key=b"not-the-kernel-key", session=self.kc.session.session)
        forged = forger.msg("execute_request", {"code": "untouched = 666;", "silent": False,
                                                 "store_history": True, "user_expressions": {},
                                                 "allow_stdin": False, "stop_on_error": True})
        forger.send(self.kc.shell_channel.socket, forged)
        with self.assertRaises(Empty):
            self.kc.get_shell_msg(timeout=1.0)
        content, outputs = self.run_cell("untouched")
        self.assertEqual([c for t, c in outputs if t == "execute_result"][0]["data"]["text/plain"], "1")
        self.assertIn("bad HMAC signature", self.log_text("bad HMAC signature"))

    def test_cells_queued_behind_a_failing_cell_are_aborted(self):
        failing = self.kc.execute("int first = 1;\nthrow new RuntimeException(\"stop here\");")
        queued = [self.kc.execute("int second = 2;"), self.kc.execute("int third = 3;")]
        statuses = self.reply_statuses([failing] + queued)
        self.assertEqual(statuses, {failing: "error", queued[0]: "aborted", queued[1]: "aborted"})
        content, outputs = self.run_cell("first")
        self.assertEqual(content["status"], "ok")
        content, _ = self.run_cell("second")
        self.assertEqual(content["status"], "error")  # never ran

    def test_stop_on_error_false_runs_the_queued_cells(self):
        failing = self.kc.execute('throw new RuntimeException("keep going");', stop_on_error=False)
        queued = self.kc.execute("int after = 5;")
        self.assertEqual(self.reply_statuses([failing, queued]), {failing: "error", queued: "ok"})

    def test_unknown_request_gets_an_error_reply(self):
        msg = self.kc.session.msg("frobnicate_request", {})
        self.kc.shell_channel.send(msg)
        reply = self.shell_reply(msg["header"]["msg_id"], timeout=5)
        self.assertEqual(reply["msg_type"], "frobnicate_reply")
        self.assertEqual(reply["content"]["status"], "error")

    def test_tablesaw_table_and_xchart_chart_render(self):
        content, outputs = self.run_cell(
            'var t = tech.tablesaw.api.Table.create("scores",\n'
            '    tech.tablesaw.api.IntColumn.create("n", 1, 2, 3));\n'
            't')
        self.assertEqual(content["status"], "ok")
        result = [c for kind, c in outputs if kind == "execute_result"][0]
        self.assertIn("<table", result["data"]["text/html"])
        content, outputs = self.run_cell(
            'var chart = org.knowm.xchart.QuickChart.getChart("c", "x", "y", "y", new double[]{1, 2}, new double[]{3, 4});\n'
            'chart')
        result = [c for kind, c in outputs if kind == "execute_result"][0]
        self.assertTrue(result["data"]["image/png"].startswith("iVBOR"))  # base64 of the PNG signature

    def test_megabytes_of_output_arrive_in_chunks(self):
        content, outputs = self.run_cell(
            'String line = "x".repeat(99);\nfor (int i = 0; i < 20000; i++) System.out.println(line);')
        self.assertEqual(content["status"], "ok")
        chunks = [c["text"] for t, c in outputs if t == "stream"]
        self.assertEqual(sum(len(c) for c in chunks), 20000 * 100)
        self.assertGreater(len(chunks), 10)


if __name__ == "__main__":
    unittest.main()
