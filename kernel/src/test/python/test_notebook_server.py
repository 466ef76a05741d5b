"""`./tinyml notebook --no-browser` serves Jupyter Notebook, and a Java cell runs through it.

This is the path a workshop attendee takes: the launcher, the notebook server, its REST API and
kernel websocket, our kernel. Nothing is mocked.
"""
import asyncio
import json
import uuid

from tornado.websocket import websocket_connect

import kernel_env
from notebook_server import ServedNotebookCase


class NotebookServerTest(ServedNotebookCase):

    def test_a_java_cell_runs_in_the_served_notebook(self):
        specs = self.wait_for_server()
        # ./tinyml names a kernel installed under another name apart: "Java (TinyML, NAME)"
        expected = "Java (TinyML)" if kernel_env.KERNEL_NAME == "tinyml" else f"Java (TinyML, {kernel_env.KERNEL_NAME})"
        self.assertEqual(expected, specs["kernelspecs"][kernel_env.KERNEL_NAME]["spec"]["display_name"])
        kernel = self.api("kernels", "POST", {"name": kernel_env.KERNEL_NAME})
        self.addCleanup(self.api, f"kernels/{kernel['id']}", "DELETE")
        result = asyncio.run(self.execute(kernel["id"], 'var board = "esp32";\nboard.toUpperCase() + " " + (6 * 7)'))
        self.assertEqual("execute_result", result["msg_type"])
        self.assertEqual("ESP32 42", result["content"]["data"]["text/plain"])

    async def execute(self, kernel_id, code):
        ws = await websocket_connect(
            f"ws://127.0.0.1:{self.port}/api/kernels/{kernel_id}/channels?token={self.token}")
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": False}}))
        try:
            while True:
                message = json.loads(await asyncio.wait_for(ws.read_message(), 60))
                if (message.get("parent_header", {}).get("msg_id") == msg_id
                        and message["msg_type"] in ("execute_result", "error")):
                    return message
        finally:
            ws.close()


if __name__ == "__main__":
    unittest.main()
