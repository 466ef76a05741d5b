"""A test case for which `./tinyml notebook --no-browser` serves (a fresh server per test), with
its REST API. The launcher builds first when a source changed, so the server may take minutes."""
import json
import os
import pathlib
import secrets
import socket
import subprocess
import time
import unittest
import urllib.request

import kernel_env

ROOT = pathlib.Path(__file__).resolve().parents[4]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServedNotebookCase(unittest.TestCase):
    # The folder to serve (default: the repository's notebooks/).
    notebook_dir = None

    def setUp(self):
        self.port = free_port()
        self.token = secrets.token_hex(8)
        args = [str(ROOT / "tinyml"), "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                f"--NotebookApp.token={self.token}"]
        if self.notebook_dir:
            args.append(f"--notebook-dir={self.notebook_dir}")
        self.server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       env={**os.environ, "TINYML_KERNEL_NAME": kernel_env.KERNEL_NAME})
        self.addCleanup(self.stop_server)

    def stop_server(self):
        self.server.terminate()
        try:
            self.server.wait(20)
        except subprocess.TimeoutExpired:
            self.server.kill()
        self.server.stdout.close()

    def api(self, path, method="GET", body=None):
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/api/{path}?token={self.token}",
                                         data=None if body is None else json.dumps(body).encode(), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return json.loads(text) if text else None

    def wait_for_server(self, seconds=300):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                self.fail("the notebook server stopped: " + self.server.stdout.read().decode(errors="replace"))
            try:
                return self.api("kernelspecs")
            except OSError:
                time.sleep(0.3)
        self.fail(f"the notebook server did not answer within {seconds} s")
