// The browser test of notebook 01: Debian's headless chromium, driven by puppeteer-core (pinned in
// deps/npm), against a running `./tinyml notebook --no-browser` server. It runs every cell, draws a
// "7" and a "0" on the pad with mouse events and waits for the board's answers under the pad,
// interrupts a running `board.live(...)`, restarts the kernel and checks that a pad works again.
// Never downloads a browser. Screenshots go to OUT_DIR.
//
// Usage: node draw_a_digit.mjs BASE_URL TOKEN NOTEBOOK OUT_DIR
// Prints one JSON line of measurements; exit code 0 when every check passed.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', '..', '..', '..', 'deps', 'npm', 'package.json'));
const puppeteer = require('puppeteer-core');

const [base, token, notebook, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node draw_a_digit.mjs BASE_URL TOKEN NOTEBOOK OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(outDir, {recursive: true});
const CELL_MS = 600_000;

const consoleErrors = [];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tinyml-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  // A wait is one protocol call: training in "run all" takes longer than the 180 s default.
  protocolTimeout: CELL_MS + 60_000,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--window-size=1280,1600'],
});
const results = {};
let page;

function fail(message) {
  throw new Error(message);
}

async function shot(name) {
  await page.screenshot({path: path.join(outDir, name + '.png'), fullPage: true});
}

/** Waits until no code cell is running or queued; fails naming the first cell with an error output. */
async function waitForCells(what) {
  await page.waitForFunction(() => {
    const nb = Jupyter.notebook;
    return nb.kernel && !nb.kernel_busy && nb.get_cells().every(c => c.cell_type !== 'code' || c.input_prompt_number !== '*');
  }, {timeout: CELL_MS, polling: 500});
  const error = await page.evaluate(() => {
    for (const c of Jupyter.notebook.get_cells()) {
      for (const o of (c.output_area ? c.output_area.outputs : [])) {
        if (o.output_type === 'error') {
          return c.get_text().split('\n')[0] + ' -> ' + o.ename + ': ' + o.evalue;
        }
      }
    }
    return null;
  });
  if (error) {
    await shot('failed');
    fail(what + ': a cell failed: ' + error);
  }
}

/** Draws a polyline on the pad's canvas (coordinates in the 280x280 canvas) with real mouse events. */
async function stroke(canvas, points) {
  const box = await canvas.boundingBox();
  const at = p => [box.x + p[0] * box.width / 280, box.y + p[1] * box.height / 280];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (let i = 1; i < points.length; i++) {
    await page.mouse.move(...at(points[i]), {steps: 6});
  }
  await page.mouse.up();
}

/** Draws a digit on the pad holding `canvas` and waits for the answer the stroke's end brings. */
async function draw(pad, strokes) {
  const canvas = await pad.$('canvas');
  await pad.$eval('.tinyml-pad-clear', b => b.click());
  const before = await pad.evaluate(root => Number(root.dataset.answers || 0));
  for (const s of strokes) {
    await stroke(canvas, s);
  }
  await page.waitForFunction((root, n) => Number(root.dataset.answers || 0) >= n, {timeout: 60_000}, pad,
      before + strokes.length);
  return pad.evaluate(root => ({label: root.dataset.label, roundTripMs: Number(root.dataset.roundTripMs),
    answer: root.querySelector('.tinyml-pad-answer').innerText}));
}

const seven = [[[70, 60], [210, 60], [120, 230]]];
const zero = [Array.from({length: 33}, (_, i) => {
  const a = i / 32 * 2 * Math.PI;
  return [140 + 55 * Math.sin(a), 140 - 95 * Math.cos(a)];
})];

try {
  page = await browser.newPage();
  await page.setViewport({width: 1280, height: 1600});
  page.on('console', m => {
    if (m.type() === 'error') {
      consoleErrors.push(m.text() + ' @ ' + (m.location().url || ''));
    }
  });
  page.on('pageerror', e => consoleErrors.push('page error: ' + e.message));

  await page.goto(`${base}/notebooks/${notebook}?token=${token}`, {waitUntil: 'networkidle2'});
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), {timeout: 120_000});
  // The notebook under test is a copy; still, nothing should be written back while the test runs.
  await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));

  const started = Date.now();
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  await waitForCells('run all');
  results.runAllSeconds = (Date.now() - started) / 1000;
  await shot('01-run-all');

  // The pad the notebook shows: the last live view element (notebook cells put theirs earlier).
  const pads = await page.$$('.tinyml-pad');
  if (pads.length !== 1) fail(`expected one pad in the notebook, found ${pads.length}`);
  const pad = await pads[0].evaluateHandle(e => e.closest('[id^="tinyml-view-"]'));
  await pad.evaluate(e => e.scrollIntoView());

  const a7 = await draw(pad, seven);
  await shot('02-drew-7');
  if (a7.label !== '7') fail('the board read the drawn 7 as ' + a7.label + ': ' + a7.answer);
  if (!/µs on the board/.test(a7.answer)) fail('no board time under the pad: ' + a7.answer);
  const a0 = await draw(pad, zero);
  await shot('03-drew-0');
  if (a0.label !== '0') fail('the board read the drawn 0 as ' + a0.label + ': ' + a0.answer);
  results.padRoundTripMs = [a7.roundTripMs, a0.roundTripMs];

  // ■ during live: it stops after the current inference and the board stays usable.
  await page.evaluate(() => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom('code');
    cell.set_text('var longRun = board.live(data.test());');
    nb.select(nb.ncells() - 1);
    cell.execute();
  });
  await page.waitForFunction(() => {
    const cell = Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1);
    return /running: \d+ of/.test(cell.output_area.element.text());
  }, {timeout: 120_000});
  // The toolbar's ■ button, as a user presses it.
  await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
  const stopped = Date.now();
  await page.waitForFunction(() => Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1).input_prompt_number !== '*',
      {timeout: 30_000});
  results.interruptSeconds = (Date.now() - stopped) / 1000;
  // The display's last update comes on iopub, which may arrive after the reply on shell.
  const lastOutput = () => Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1).output_area.element.text();
  await page.waitForFunction(() => /interrupted/.test(
      Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1).output_area.element.text()), {timeout: 30_000})
      .catch(async () => fail('the live display does not say it was interrupted: ' + await page.evaluate(lastOutput)));
  // Notebook 6 scrolls inside its own panel: bring the interrupted cell into the picture.
  await page.evaluate(() => Jupyter.notebook.get_cell(Jupyter.notebook.ncells() - 1).element[0].scrollIntoView());
  await shot('04-live-interrupted');
  const after = await page.evaluate(() => new Promise(resolve => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom('code');
    cell.set_text('board.predict(data.test().input(0)).label() == data.test().label(0)');
    cell.execute();
    const check = () => cell.input_prompt_number === '*' || cell.input_prompt_number === undefined
        ? setTimeout(check, 200) : resolve(cell.output_area.element.text());
    setTimeout(check, 200);
  }));
  if (!/true/.test(after)) fail('the board did not answer after the interrupt: ' + after);

  // Kernel restart: the old pad says it lost its kernel; a pad shown again works.
  await page.evaluate(() => new Promise(resolve => {
    Jupyter.notebook.kernel.restart(() => resolve());
  }));
  // The new kernel answers kernel_info once it is up (the page queues the request until its channels
  // are open); the busy flag may still hold the old kernel's last status.
  const restarted = await page.evaluate(() => new Promise(resolve => {
    setTimeout(() => resolve(false), 120_000);
    Jupyter.notebook.kernel.kernel_info(() => resolve(true));
  }));
  if (!restarted) fail('the restarted kernel did not answer kernel_info within 120 s');
  await pad.evaluate(e => e.scrollIntoView());
  const canvas = await pad.$('canvas');
  await stroke(canvas, seven[0]);
  await page.waitForFunction(root => /lost its kernel/.test(root.querySelector('.tinyml-pad-status').textContent),
      {timeout: 30_000}, pad);
  await page.evaluate(() => {
    const nb = Jupyter.notebook;
    const cell = nb.insert_cell_at_bottom('code');
    cell.set_text('var again = DrawPad.digits().onDraw(img -> 3);\nagain');
    cell.execute();
  });
  await waitForCells('a pad after the restart');
  const pads2 = await page.$$('.tinyml-pad');
  const padAgain = await pads2[pads2.length - 1].evaluateHandle(e => e.closest('[id^="tinyml-view-"]'));
  await padAgain.evaluate(e => e.scrollIntoView());
  const a3 = await draw(padAgain, seven);
  await shot('05-pad-after-restart');
  if (a3.label !== '3') fail('the pad shown after the restart did not answer: ' + JSON.stringify(a3));

  // Debian's notebook enables the ipywidgets extension without shipping it: its 404 is not ours.
  const errors = consoleErrors.filter(e => !/nbextensions\/widgets\/notebook\/js\/extension\.js/.test(e));
  if (errors.length) fail('browser console errors:\n' + errors.join('\n'));
  results.consoleErrorsIgnored = consoleErrors.length - errors.length;
  console.log(JSON.stringify(results));
} catch (e) {
  console.error('draw_a_digit: ' + (e.stack || e.message));
  if (consoleErrors.length) console.error('browser console errors:\n' + consoleErrors.join('\n'));
  if (page) await shot('failed').catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
  fs.rmSync(profile, {recursive: true, force: true});
}
