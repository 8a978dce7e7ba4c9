// The load floor: how long reading the ten-year data takes before any screen.
//
//   node bench/load-floor.mjs [--runs 5]
//
// Run after `./dev dist` and `./dev bench` (it uses dist/, bench/reference.json and the
// TiddlyWiki that run.mjs builds). It builds bench/load-floor (Yishi's storage reading every
// stored record under the smallest Leptos page) with the pinned wasm-bindgen and wasm-opt,
// serves it beside the app on the same origin, stores the ten years through the app's own
// import, then cold-loads, at 1× and 4× CPU, in turn: the app (until every record is read), the
// floor (the same), and the empty TiddlyWiki (its first tiddler). Prints the medians and each
// one's ratio to TiddlyWiki. Writes nothing in the repository but target/load-floor.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { READY_TIMEOUT, ensureTiddlyWiki, freshProfile, launch, tiddlyWikiFirst } from './browser.mjs';
import { BASE, startServer } from './serve.mjs';
import { wasmOpt } from './wasm-opt.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const argv = process.argv.slice(2);
const RUNS = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 5);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

for (const need of [path.join(ROOT, 'dist', 'index.html'), path.join(BENCH, 'reference.json')]) {
  if (!fs.existsSync(need)) throw new Error(`${need} is missing: run ./dev dist and ./dev bench first`);
}

// Build: cargo, then wasm-bindgen and wasm-opt -Oz as Trunk does.
const target = path.join(ROOT, 'target', 'load-floor');
execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--target-dir', target], { cwd: path.join(BENCH, 'load-floor'), stdio: 'inherit' });
const out = path.join(target, 'web');
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, path.join(target, 'wasm32-unknown-unknown/release/load-floor.wasm')], { stdio: 'inherit' });
const wasm = path.join(out, 'load-floor_bg.wasm');
wasmOpt(wasm, wasm);
fs.writeFileSync(path.join(out, 'floor.html'), `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>load floor</title>
<link rel="preload" href="./load-floor_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">
<script type="module">import init from './load-floor.js'; await init({ module_or_path: './load-floor_bg.wasm' });</script>
</head><body></body></html>`);
const gz = zlib.gzipSync(fs.readFileSync(wasm), { level: 9 }).length;

// On the app's origin, beside it, so that it reads the records the app stored.
const files = { '/__bench/tiddlywiki.html': ensureTiddlyWiki() };
for (const f of ['floor.html', 'load-floor.js', 'load-floor_bg.wasm']) files[BASE + f] = path.join(out, f);
const server = await startServer(path.join(ROOT, 'dist'), files);
const prof = freshProfile();
try {
  {
    const ctx = await launch(prof);
    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto(server.appUrl + '?bench=1');
    await page.waitForFunction(() => window.__YISHI_BENCH__, null, { timeout: READY_TIMEOUT });
    await page.evaluate(async (text) => { await window.__YISHI_BENCH__.importBackup(text); }, fs.readFileSync(path.join(BENCH, 'reference.json'), 'utf8'));
    // Chromium commits localStorage to disk a few seconds after a write (see run.mjs).
    await page.close();
    await new Promise((r) => setTimeout(r, 8000));
    await ctx.close();
  }
  const loaded = async (url, rate) => {
    const ctx = await launch(prof);
    try {
      const page = ctx.pages()[0] || (await ctx.newPage());
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number', null, { timeout: READY_TIMEOUT, polling: 20 });
      return await page.evaluate(() => window.__YISHI_LOADED__);
    } finally {
      await ctx.close();
    }
  };
  const samples = {};
  const add = (k, v) => (samples[k] ??= []).push(v);
  for (let run = 0; run < RUNS; run++) {
    for (const rate of [1, 4]) {
      add(`app ${rate}`, await loaded(server.appUrl + '?bench=1', rate));
      add(`floor ${rate}`, await loaded(server.appUrl + 'floor.html', rate));
      const tw = await tiddlyWikiFirst(server.origin, rate);
      if (typeof tw !== 'number') throw new Error(`TiddlyWiki: ${tw}`);
      add(`tw ${rate}`, tw);
    }
  }
  const cell = (k, rate) => {
    const m = median(samples[`${k} ${rate}`]);
    return `${m.toFixed(1)} ms (${(m / median(samples[`tw ${rate}`])).toFixed(2)}× TW)`;
  };
  console.log(`\nMedian of ${RUNS}; the load floor's wasm is ${(gz / 1024).toFixed(1)} KB gzip.\n`);
  console.log('| cold load, ten years stored | 1× | 4× |\n| --- | ---: | ---: |');
  console.log(`| empty TiddlyWiki 5.4.1, first tiddler | ${median(samples['tw 1']).toFixed(1)} ms | ${median(samples['tw 4']).toFixed(1)} ms |`);
  console.log(`| load floor: every record read, no screen | ${cell('floor', 1)} | ${cell('floor', 4)} |`);
  console.log(`| Yishi: every record read | ${cell('app', 1)} | ${cell('app', 4)} |`);
} finally {
  await server.close();
  fs.rmSync(prof, { recursive: true, force: true });
}
