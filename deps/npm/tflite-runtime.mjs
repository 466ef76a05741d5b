// Runs .tflite models in a real TFLite interpreter: tfjs-tflite (TFLite compiled to WebAssembly)
// inside Debian's headless Chromium, driven by puppeteer-core. Nothing is downloaded: the browser
// is /usr/bin/chromium (or $CHROMIUM) and the page, the runtime and the models are served by a
// local HTTP server this script starts on 127.0.0.1.
//
// Usage: node tflite-runtime.mjs DIR
// DIR/manifest.json lists the cases: [{"model": "a.tflite", "inputs": "a.in", "count": N}, ...].
// Each inputs file holds N samples back to back, each as many raw bytes as the model's input tensor
// (int8 or uint8); the script writes the N int8/uint8 outputs back to back into "<inputs>.out" and
// prints one JSON line per case: {"model", "inputType", "outputType", "nodes": [op names run]}.
// Exit code 0 when every case ran; 1 with the failing model named otherwise.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || !fs.existsSync(path.join(dir, 'manifest.json'))) {
  console.error('usage: node tflite-runtime.mjs DIR   (DIR/manifest.json lists the models and inputs)');
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

const modules = path.join(here, 'node_modules', '@tensorflow');
const routes = {
  '/tf-core.js': path.join(modules, 'tfjs-core', 'dist', 'tf-core.min.js'),
  '/tf-backend-cpu.js': path.join(modules, 'tfjs-backend-cpu', 'dist', 'tf-backend-cpu.min.js'),
  '/tf-tflite.js': path.join(modules, 'tfjs-tflite', 'dist', 'tf-tflite.min.js'),
};
const page = `<!doctype html><meta charset="utf-8"><title>tflite runtime</title>
<script src="/tf-core.js"></script><script src="/tf-backend-cpu.js"></script><script src="/tf-tflite.js"></script>`;

function serve(req, res) {
  const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  let file = routes[url];
  if (url.startsWith('/wasm/')) {
    file = path.join(modules, 'tfjs-tflite', 'wasm', path.basename(url));
  } else if (url.startsWith('/cases/')) {
    file = path.join(dir, path.basename(url));
  }
  if (url === '/') {
    res.writeHead(200, {'content-type': 'text/html'}).end(page);
  } else if (file && fs.existsSync(file)) {
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm'
        : 'application/octet-stream';
    res.writeHead(200, {'content-type': type});
    fs.createReadStream(file).pipe(res);
  } else {
    res.writeHead(404).end();
  }
}

// Runs in the page: loads one model, feeds every sample, returns the outputs as one byte array.
async function runCase(c) {
  tflite.setWasmPath('/wasm/');
  const bytes = new Uint8Array(await (await fetch('/cases/' + c.inputs)).arrayBuffer());
  const model = await tflite.loadTFLiteModel('/cases/' + c.model, {numThreads: 1, enableProfiling: true});
  const runner = model.modelRunner;
  const input = runner.getInputs()[0];
  const output = runner.getOutputs()[0];
  const inSize = input.data().length;
  const outSize = output.data().length;
  if (bytes.length !== inSize * c.count) {
    throw new Error(`${c.inputs}: ${bytes.length} bytes, expected ${c.count} samples of ${inSize}`);
  }
  const signed = input.dataType === 'int8';
  const out = new Uint8Array(outSize * c.count);
  for (let s = 0; s < c.count; s++) {
    const sample = bytes.subarray(s * inSize, (s + 1) * inSize);
    input.data().set(signed ? new Int8Array(sample.buffer, sample.byteOffset, inSize) : sample);
    if (!runner.infer()) {
      throw new Error(`inference failed on sample ${s}`);
    }
    const result = output.data();
    out.set(new Uint8Array(result.buffer, result.byteOffset, outSize), s * outSize);
  }
  const nodes = runner.getProfilingResults().map(p => p.nodeType);
  let binary = '';
  for (let i = 0; i < out.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, out.subarray(i, i + 0x8000));
  }
  return {inputType: input.dataType, outputType: output.dataType, nodes: [...new Set(nodes)], out: btoa(binary)};
}

const server = http.createServer(serve);
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tflite-chromium-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let failed = false;
try {
  const tab = await browser.newPage();
  const logs = [];
  tab.on('console', m => logs.push(m.text()));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  for (const c of manifest) {
    try {
      const r = await tab.evaluate(runCase, c);
      fs.writeFileSync(path.join(dir, c.inputs + '.out'), Buffer.from(r.out, 'base64'));
      console.log(JSON.stringify({model: c.model, inputType: r.inputType, outputType: r.outputType, nodes: r.nodes}));
    } catch (e) {
      failed = true;
      console.error(`${c.model}: ${e.message.split('\n')[0]}${logs.length ? '\n  runtime said: ' + logs.join('\n  ') : ''}`);
    }
    logs.length = 0;
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(profile, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
