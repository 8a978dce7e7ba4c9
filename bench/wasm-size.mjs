// What the release wasm is made of (the budget is in bench/README.md).
//
//   node bench/wasm-size.mjs [--top N] [--floor]
//
// Run after `./dev dist` (it reads target/wasm32-unknown-unknown/release/yishi.wasm). It runs the
// pinned wasm-bindgen with --keep-debug and the pinned wasm-opt (-Oz, as Trunk does, plus -g to
// keep the function names) into a temporary folder, then prints:
//   - each section's size (code, data, …), raw and gzip -9, without the names;
//   - the code by the crate module its function names first mention (yishi::pages::meetings, …),
//     raw and gzip -9 of that group alone (groups share patterns, so their gzip sizes add up to
//     more than the whole);
//   - with --floor, the same build of bench/floor (the smallest Leptos page, with and without
//     serde_json, chrono and gloo-storage): what any app with this design card starts from.
// The sizes without names are those of the shipped file to within a few hundred bytes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { wasmOpt } from './wasm-opt.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const argv = process.argv.slice(2);
const TOP = Number(argv.includes('--top') ? argv[argv.indexOf('--top') + 1] : 30);
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);

/** wasm-bindgen (names kept) and wasm-opt -Oz -g of `input`; the optimised file's bytes. */
function optimise(input, tmp, name) {
  const out = path.join(tmp, name);
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-debug', '--out-dir', out, input], { stdio: 'inherit' });
  const bg = fs.readdirSync(out).find((f) => f.endsWith('_bg.wasm'));
  const opt = path.join(out, 'opt.wasm');
  wasmOpt(path.join(out, bg), opt, ['-g']);
  return fs.readFileSync(opt);
}

/** Sections, data segment bytes, and each defined function's name and body. */
function parse(b) {
  let p = 8;
  const leb = () => {
    let r = 0, s = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  };
  const sections = [];
  const names = new Map();
  let imported = 0, bodies = [], data = [];
  while (p < b.length) {
    const id = b[p++], len = leb(), start = p;
    let custom = '';
    if (id === 0) {
      const l = leb(); custom = b.subarray(p, p + l).toString(); p += l;
      if (custom === 'name') {
        while (p < start + len) {
          const sub = b[p++], sl = leb(), ss = p;
          if (sub === 1) for (let n = leb(); n > 0; n--) { const i = leb(), l2 = leb(); names.set(i, b.subarray(p, p + l2).toString()); p += l2; }
          p = ss + sl;
        }
      }
    } else if (id === 2) { // imports: count the functions (they come first in the index space)
      for (let n = leb(); n > 0; n--) {
        for (let k = 0; k < 2; k++) { const l = leb(); p += l; } // module and field names
        const kind = b[p++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { p++; if (leb() & 1) { leb(); leb(); } else leb(); }
        else if (kind === 2) { if (leb() & 1) { leb(); leb(); } else leb(); }
        else if (kind === 3) p += 2;
        else if (kind === 4) { p++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) { const l = leb(); bodies.push(b.subarray(p, p + l)); p += l; }
    } else if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const flags = leb();
        if (flags === 2) leb();
        if (flags !== 1) while (b[p++] !== 0x0b); // the offset expression, up to its `end`
        const l = leb(); data.push(b.subarray(p, p + l)); p += l;
      }
    }
    sections.push({ id, custom, len, bytes: b.subarray(start, start + len) });
    p = start + len;
  }
  const fns = bodies.map((body, i) => ({ name: names.get(imported + i) || '', body }));
  return { sections, fns, data: Buffer.concat(data) };
}

const SECTION = { 1: 'types', 2: 'imports', 3: 'functions', 4: 'tables', 5: 'memory', 6: 'globals', 7: 'exports', 9: 'elements', 10: 'code', 11: 'data', 12: 'data count' };

function report(label, buf) {
  const { sections, fns, data } = parse(buf);
  const shipped = sections.filter((s) => s.custom !== 'name');
  const total = shipped.reduce((a, s) => a + s.len, 0);
  const all = Buffer.concat(shipped.map((s) => s.bytes));
  console.log(`\n${label}: ${kb(total)} KB raw, ${kb(gz(all))} KB gzip -9 (sections without the names)`);
  console.log('| section | raw KB | gzip KB |\n| --- | ---: | ---: |');
  for (const s of shipped.filter((s) => s.len > 1024)) {
    const bytes = s.id === 11 ? data : s.bytes;
    console.log(`| ${s.custom ? 'custom: ' + s.custom : SECTION[s.id] || s.id} | ${kb(s.len)} | ${kb(gz(bytes))} |`);
  }
  return fns;
}

function byModule(fns) {
  const groups = new Map();
  for (const f of fns) {
    const m = f.name.match(/yishi(?:\[[0-9a-f]+\])?::([a-z_0-9]+)(?:::([a-z_0-9]+))?/);
    let key;
    if (m) key = `yishi::${m[1]}` + (m[2] && ['pages', 'domain', 'storage', 'components', 'backup', 'i18n', 'sample'].includes(m[1]) ? `::${m[2]}` : '');
    else {
      // `<T as tachys::view::Render>::build`: a generic type's impl is named after the trait.
      const c = f.name.replace(/^<[A-Z] as /, '').replace(/^[<&*\s]*(mut\s+)?(dyn\s+)?/, '').match(/^([a-z_0-9]+)(\[[0-9a-f]+\])?::/);
      key = c ? c[1] : '(other)';
    }
    const g = groups.get(key) || { n: 0, raw: 0, bodies: [] };
    g.n++; g.raw += f.body.length; g.bodies.push(f.body);
    groups.set(key, g);
  }
  const code = fns.reduce((a, f) => a + f.body.length, 0);
  const ours = [...groups.entries()].filter(([k]) => k.startsWith('yishi')).reduce((a, [, g]) => a + g.raw, 0);
  console.log(`\ncode: ${fns.length} functions, ${kb(code)} KB raw; named after yishi's own modules: ${kb(ours)} KB (${((100 * ours) / code).toFixed(0)}%).`);
  console.log('The rest is the framework, serde, chrono and std, much of it generic code compiled for yishi\'s own types.');
  console.log(`\n| functions named after (top ${TOP}) | functions | raw KB | gzip KB alone |\n| --- | ---: | ---: | ---: |`);
  for (const [k, g] of [...groups.entries()].sort((a, b) => b[1].raw - a[1].raw).slice(0, TOP)) {
    console.log(`| ${k} | ${g.n} | ${kb(g.raw)} | ${kb(gz(Buffer.concat(g.bodies)))} |`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-size-'));
try {
  const wasm = path.join(ROOT, 'target/wasm32-unknown-unknown/release/yishi.wasm');
  if (!fs.existsSync(wasm)) throw new Error(`${wasm} is missing: run ./dev dist first`);
  byModule(report('yishi (the release build)', optimise(wasm, tmp, 'yishi')));
  if (argv.includes('--floor')) {
    const floor = path.join(BENCH, 'floor');
    const target = path.join(ROOT, 'target', 'floor');
    for (const [label, features] of [['floor: the smallest Leptos page', []], ['floor + serde_json, chrono, gloo-storage', ['--features', 'data']]]) {
      execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--target-dir', target, ...features], { cwd: floor, stdio: 'inherit' });
      const built = path.join(target, 'wasm32-unknown-unknown/release/floor.wasm');
      report(label, optimise(built, tmp, `floor${features.length ? '-data' : ''}`));
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
