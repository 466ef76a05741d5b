"""Notebook 01 in a real browser: Debian's headless chromium, driven by puppeteer-core, against
`./tinyml notebook --no-browser`. Runs every cell, draws a 7 and a 0 on the pad with mouse events
and checks the board's answers under it, interrupts a running `board.live`, restarts the kernel.
Screenshots go to build/browser/. The node script does the browsing; this test owns the server."""
import json
import pathlib
import shutil
import subprocess
import tempfile
import unittest

from notebook_server import ROOT, ServedNotebookCase

NOTEBOOK = "01-draw-a-digit.ipynb"
SCRIPT = ROOT / "kernel" / "src" / "test" / "browser" / "draw_a_digit.mjs"


class BrowserTest(ServedNotebookCase):

    def setUp(self):
        if not (ROOT / "deps" / "npm" / "node_modules" / "puppeteer-core").is_dir():
            self.fail("puppeteer-core is not installed: ./tinyml test installs deps/npm (npm ci)")
        # A copy: the browser's saves must not touch the notebook in the repository.
        self.notebook_dir = pathlib.Path(tempfile.mkdtemp(prefix="tinyml-browser-"))
        self.addCleanup(shutil.rmtree, self.notebook_dir, True)
        shutil.copy(ROOT / "notebooks" / NOTEBOOK, self.notebook_dir / NOTEBOOK)
        super().setUp()

    def test_draw_a_7_and_a_0_and_the_board_answers_under_the_pad(self):
        self.wait_for_server()
        shots = ROOT / "build" / "browser"
        run = subprocess.run(["node", str(SCRIPT), f"http://127.0.0.1:{self.port}", self.token, NOTEBOOK, str(shots)],
                             capture_output=True, text=True, timeout=900)
        self.assertEqual(run.returncode, 0, f"browser test failed (screenshots in {shots}):\n{run.stderr}\n{run.stdout}")
        results = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"\nbrowser: all cells {results['runAllSeconds']:.0f} s, pad round trip (stroke end -> answer shown) "
              f"{results['padRoundTripMs']} ms, interrupt of live {results['interruptSeconds']:.1f} s; "
              f"screenshots in {shots}")
        self.assertTrue((shots / "03-drew-0.png").is_file())


if __name__ == "__main__":
    unittest.main()
