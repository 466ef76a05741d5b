"""Jupyter comms (messaging spec 5.3) over the real protocol, through jupyter_client: both
directions, comm_info_request filtered by target, messages handled while a cell runs and while
none runs, unknown targets and comms refused, and the drawing pad answering a drawing."""
import base64
import struct
import time
import unittest
import uuid
import zlib

from kernel_session import KernelTestCase, TIMEOUT


def png(pixels):
    """A greyscale PNG of rows of 0..255 values (the pad sends what canvas.toDataURL makes)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def data_url(pixels):
    return "data:image/png;base64," + base64.b64encode(png(pixels)).decode("ascii")


def stroke_picture():
    """A 280x280 black canvas with one thick white vertical stroke, as a finger would draw a 1."""
    return [[255 if 130 <= x < 150 and 60 <= y < 220 else 0 for x in range(280)] for y in range(280)]


class CommTest(KernelTestCase):

    # --- helpers

    def run_ok(self, code, timeout=TIMEOUT):
        """The cell's iopub messages, as {"msg_type", "content"}; the cell must succeed."""
        content, outputs = self.run_cell(code, timeout)
        self.assertEqual(content["status"], "ok", content)
        return [{"msg_type": t, "content": c} for t, c in outputs]

    def send(self, msg_type, content):
        msg = self.kc.session.msg(msg_type, content)
        self.kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    def next_iopub(self, msg_type, comm_id, timeout=TIMEOUT):
        """The next iopub message of that type for that comm (others are skipped)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["msg_type"] == msg_type and msg["content"].get("comm_id") == comm_id:
                return msg
        self.fail(f"no {msg_type} for comm {comm_id} within {timeout} s")

    def comm_info(self, target=None):
        content = {} if target is None else {"target_name": target}
        msg_id = self.send("comm_info_request", content)
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["msg_type"], "comm_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        return reply["content"]["comms"]

    # --- tests

    def test_an_unknown_target_is_refused_with_comm_close(self):
        comm_id = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}})
        self.next_iopub("comm_close", comm_id)
        self.assertNotIn(comm_id, self.comm_info())

    def test_a_message_to_a_comm_the_kernel_does_not_know_closes_it(self):
        comm_id = uuid.uuid4().hex
        self.send("comm_msg", {"comm_id": comm_id, "data": {"x": 1}})
        self.next_iopub("comm_close", comm_id)

    def test_kernel_opens_a_comm_and_messages_go_both_ways_while_idle_and_while_a_cell_runs(self):
        outputs = self.run_ok(
            'var echo = comm("test.echo", Map.of("hello", 1));\n'
            'echo.onMessage(m -> echo.send(Map.of("echo", m)));\n'
            'echo.onClose(() -> System.out.println("closed by the front end"));')
        opened = [m for m in outputs if m["msg_type"] == "comm_open"]
        self.assertEqual(len(opened), 1, outputs)
        comm_id = opened[0]["content"]["comm_id"]
        self.assertEqual(opened[0]["content"]["target_name"], "test.echo")
        self.assertEqual(opened[0]["content"]["data"], {"hello": 1})

        # comm_info_request lists it, and only under its own target name.
        self.assertEqual(self.comm_info()[comm_id], {"target_name": "test.echo"})
        self.assertEqual(self.comm_info("test.echo"), {comm_id: {"target_name": "test.echo"}})
        self.assertNotIn(comm_id, self.comm_info("tinyml.view"))

        # No cell runs: the echo comes back.
        self.send("comm_msg", {"comm_id": comm_id, "data": {"n": 1}})
        reply = self.next_iopub("comm_msg", comm_id)
        self.assertEqual(reply["content"]["data"], {"echo": {"n": 1.0}})

        # A cell sleeps for 3 s: the echo comes back before the cell's result (iopub keeps order).
        cell = self.kc.execute("Thread.sleep(3000); \"slept\"")
        time.sleep(0.5)
        self.send("comm_msg", {"comm_id": comm_id, "data": {"n": 2}})
        seen = []
        while "result" not in seen:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] == comm_id:
                self.assertEqual(msg["content"]["data"], {"echo": {"n": 2.0}})
                seen.append("echo")
            elif msg["msg_type"] == "execute_result" and msg["parent_header"]["msg_id"] == cell:
                seen.append("result")
        self.assertEqual(seen, ["echo", "result"])
        self.assertEqual(self.shell_reply(cell)["content"]["status"], "ok")

        # The front end closes it: the kernel's handler hears it, the comm is gone.
        self.send("comm_close", {"comm_id": comm_id, "data": {}})
        outputs = self.run_ok("echo.isOpen()")
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]
        self.assertEqual(result["content"]["data"]["text/plain"], "false")
        self.assertNotIn(comm_id, self.comm_info())

    def test_the_kernel_closes_its_comm(self):
        outputs = self.run_ok('var shortLived = comm("test.close", null);')
        comm_id = [m for m in outputs if m["msg_type"] == "comm_open"][0]["content"]["comm_id"]
        outputs = self.run_ok("shortLived.close(); shortLived.isOpen()")
        self.assertIn("comm_close", [m["msg_type"] for m in outputs])
        self.assertNotIn(comm_id, self.comm_info())

    def test_the_drawing_pad_answers_a_drawing_sent_through_its_comm(self):
        outputs = self.run_ok(
            "var pad = DrawPad.digits().onDraw(img -> img.argmax() >= 0 ? 1 : 0);\n"
            "display(pad); pad.viewId()")
        html = [m for m in outputs if m["msg_type"] == "display_data"][0]["content"]["data"]["text/html"]
        view_id = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]
        self.assertIn(view_id, html)
        self.assertIn("comm_manager.new_comm", html)

        comm_id = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": "tinyml.view", "data": {"view": view_id}})
        self.send("comm_msg", {"comm_id": comm_id, "data": {"type": "drawing", "png": data_url(stroke_picture())}})
        answer = self.next_iopub("comm_msg", comm_id)["content"]["data"]
        self.assertEqual(answer["type"], "answer")
        self.assertEqual(answer["label"], "1")
        self.assertIn("what the model saw", answer["html"])

        # An empty drawing: said under the pad, and the pad goes on.
        empty = [[0] * 280 for _ in range(280)]
        self.send("comm_msg", {"comm_id": comm_id, "data": {"type": "drawing", "png": data_url(empty)}})
        answer = self.next_iopub("comm_msg", comm_id)["content"]["data"]
        self.assertEqual(answer["label"], "?")
        self.assertIn("the drawing is empty", answer["html"])

        # Drawn from Java: the answer also goes under the pad in the page.
        outputs = self.run_ok("var picture = new java.awt.image.BufferedImage(280, 280, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                                "picture.createGraphics().fillRect(120, 40, 40, 200);\n"
                                "pad.draw(picture).labelName()")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"][0]
                         ["content"]["data"]["text/plain"], "1")
        sent = [m["content"] for m in outputs if m["msg_type"] == "comm_msg"]
        self.assertEqual([(c["comm_id"], c["data"]["label"]) for c in sent], [(comm_id, "1")])

    def test_a_view_the_kernel_does_not_have_is_refused(self):
        comm_id = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": comm_id, "target_name": "tinyml.view", "data": {"view": "pad-gone"}})
        self.next_iopub("comm_close", comm_id)


if __name__ == "__main__":
    unittest.main()
