// Post-build steps for `./dev dist`, run on Trunk's release output:
//   0. the office-file exporter (built by ./dev into target/exporter/): its JS, with the boot
//      code below appended, and its wasm, copied into dist/ under names with their hash.
//   1. dist/sw.js: the service worker with a precache list of every built file (hashed names).
//   2. dist/yishi.html: ONE self-contained file (wasm as base64, JS glue and CSS inlined) that
//      runs from file:// with no server; it has its own Content-Security-Policy.
//   3. a strict Content-Security-Policy <meta> in dist/index.html, with sha256 hashes of
//      Trunk's inline init script (and of any inline style), plus <meta name="yishi-sw">
//      which tells sw-register.js to register dist/sw.js.
//
//   node tools/postbuild.mjs [dist-dir] [--exporter DIR]
// Fails loudly (exit 1) when the build does not look like what it expects.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const exporterDir = flag('--exporter') && path.resolve(flag('--exporter'));
const dist = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--exporter') || path.join(here, '..', 'dist'));
const indexPath = path.join(dist, 'index.html');

function fail(msg) {
  console.error(`postbuild: ERROR: ${msg}`);
  process.exit(1);
}
const sha256 = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const log = (msg) => console.log(`postbuild: ${msg}`);

if (!fs.existsSync(indexPath)) fail(`${indexPath} not found; run trunk build first`);
let html = fs.readFileSync(indexPath, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) fail('dist/index.html already has a CSP; rebuild first');

// ---------------------------------------------------------------------------------------
// Parse what Trunk produced.
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;
const inlineScripts = [];
for (const m of html.matchAll(INLINE_SCRIPT)) {
  if (/\ssrc\s*=/.test(m[1] || '')) continue;
  inlineScripts.push(m[2]);
}
const inlineStyles = [...html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => m[2]);
if (/\sstyle\s*=/.test(html.replace(INLINE_SCRIPT, ''))) {
  fail('dist/index.html has a style="…" attribute, which the CSP blocks; use a class instead');
}
const init = inlineScripts.find((s) => s.includes('module_or_path'));
if (!init) fail("Trunk's inline init script (with module_or_path) not found in dist/index.html");
const jsName = (init.match(/from\s+'\.\/([^']+\.js)'/) || [])[1];
const wasmName = (init.match(/module_or_path:\s*'\.\/([^']+\.wasm)'/) || [])[1];
if (!jsName || !wasmName) fail('cannot find the JS glue and wasm file names in the init script');
for (const f of [jsName, wasmName]) if (!fs.existsSync(path.join(dist, f))) fail(`${f} missing from dist/`);

// ---------------------------------------------------------------------------------------
// 0. The exporter worker. Its first message is its wasm: a URL (served) or the bytes (the single
// file, where the worker runs from a blob: URL and can fetch nothing); it answers {ready} or
// {error}. Then src/bin/exporter.rs, whose main sets its own onmessage, takes every request.
const EXPORTER_BOOT = `
// ---- exporter boot (tools/postbuild.mjs) ----
self.onmessage = (e) => {
  self.onmessage = null;
  wasm_bindgen({ module_or_path: e.data }).then(
    () => self.postMessage({ ready: true }),
    (err) => self.postMessage({ error: String(err) }),
  );
};
`;
let exporter = null;
if (exporterDir) {
  const glueFile = path.join(exporterDir, 'exporter.js');
  const wasmFile = path.join(exporterDir, 'exporter_bg.wasm');
  for (const f of [glueFile, wasmFile]) if (!fs.existsSync(f)) fail(`${f} not found; ./dev dist builds it`);
  const js = fs.readFileSync(glueFile, 'utf8');
  if (!/^let wasm_bindgen\b/m.test(js)) fail('exporter.js is not wasm-bindgen --target no-modules output');
  if (/^\s*import\s/m.test(js)) fail('exporter.js imports other modules; a worker from a blob: URL cannot load them');
  const wasm = fs.readFileSync(wasmFile);
  const script = js + EXPORTER_BOOT;
  const hash = crypto.createHash('sha256').update(script).update(wasm).digest('hex').slice(0, 16);
  for (const f of fs.readdirSync(dist)) if (/^exporter-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f)) fs.rmSync(path.join(dist, f));
  exporter = { script, wasm, js: `exporter-${hash}.js`, wasmName: `exporter-${hash}_bg.wasm` };
  fs.writeFileSync(path.join(dist, exporter.js), script);
  fs.writeFileSync(path.join(dist, exporter.wasmName), wasm);
  log(`exporter: ${exporter.js} and ${exporter.wasmName} (${(wasm.length / 1024).toFixed(0)} KiB)`);
} else {
  log('no --exporter: the office-file buttons will say the exporter is not in this build');
}

// ---------------------------------------------------------------------------------------
// 1. Service worker with the precache list.
function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix + e.name;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel + '/') : [rel];
  });
}
// The single file is large and meant for file://; the service worker itself is never precached.
const precacheFiles = listFiles(dist).filter((f) => f !== 'sw.js' && f !== 'yishi.html').sort();
const buildHash = crypto.createHash('sha256');
for (const f of precacheFiles) buildHash.update(f).update(fs.readFileSync(path.join(dist, f)));
const build = buildHash.digest('hex').slice(0, 16);
const precache = ['./', ...precacheFiles.map((f) => './' + f.split('/').map(encodeURIComponent).join('/'))];
const sw = fs
  .readFileSync(path.join(here, 'sw-template.js'), 'utf8')
  .replace('__YISHI_BUILD__', build)
  .replace('__YISHI_PRECACHE__', JSON.stringify(precache, null, 2));
fs.writeFileSync(path.join(dist, 'sw.js'), sw);
log(`sw.js: build ${build}, ${precache.length} precached URLs`);

// ---------------------------------------------------------------------------------------
// 2. Single file dist/yishi.html.
function dataUri(file) {
  const ext = path.extname(file).toLowerCase();
  const type = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
    '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json', '.webmanifest': 'application/manifest+json' }[ext]
    || 'application/octet-stream';
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
}
const localFile = (href, fromDir = dist) => {
  if (!href || /^(data:|blob:|[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) return null;
  const p = path.resolve(fromDir, decodeURIComponent(href.split(/[?#]/)[0]));
  return p.startsWith(dist + path.sep) && fs.existsSync(p) ? p : null;
};
const attr = (tag, name) => (tag.match(new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i')) || [])[1];
// CSS with url(...) references turned into data: URIs.
function inlineCss(file) {
  return fs.readFileSync(file, 'utf8').replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (all, q, ref) => {
    const f = localFile(ref, path.dirname(file));
    return f ? `url("${dataUri(f)}")` : all;
  });
}

// The web app manifest (添加到主屏幕) and its icons are built files, so the service worker
// precaches them with the rest; check that the manifest parses and every icon it names is there.
const manifestTag = (html.match(/<link\b[^>]*\brel="manifest"[^>]*>/i) || [])[0];
if (manifestTag) {
  const file = localFile(attr(manifestTag, 'href'));
  if (!file) fail(`the web app manifest ${attr(manifestTag, 'href')} is not in dist/`);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${path.relative(dist, file)} is not valid JSON: ${e.message}`);
  }
  for (const icon of manifest.icons || []) {
    const f = localFile(icon.src, path.dirname(file));
    if (!f || !precacheFiles.includes(path.relative(dist, f).split(path.sep).join('/'))) fail(`manifest icon ${icon.src} is not a built, precached file`);
  }
  log(`manifest: ${path.relative(dist, file)} with ${(manifest.icons || []).length} icons, precached`);
}

let glue = fs.readFileSync(path.join(dist, jsName), 'utf8');
if (/^\s*import\s/m.test(glue)) fail(`${jsName} imports other modules (wasm-bindgen snippets); the single-file build cannot inline them`);
const wasmB64 = fs.readFileSync(path.join(dist, wasmName)).toString('base64');
const boot = `${glue}
// ---- single-file boot (tools/postbuild.mjs) ----
window.__YISHI_SINGLE_FILE__ = true;
{
  const b64 = document.getElementById('yishi-wasm').textContent.trim();
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const wasm = await __wbg_init({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;

const singleScripts = [];
const singleStyles = [];
let single = html
  // drop preloads (the files are inlined), the service-worker registration, and the web app
  // manifest with the home-screen icon: a page opened from file:// cannot be added to a home
  // screen, and its CSP allows no manifest (manifest-src 'none')
  .replace(/<link\b[^>]*\brel="(modulepreload|preload|manifest|apple-touch-icon)"[^>]*>/gi, '')
  .replace(/<script\b[^>]*\bsrc="[^"]*sw-register\.js"[^>]*>\s*<\/script>/gi, '')
  // stylesheets -> <style>
  .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/gi, (tag) => {
    const f = localFile(attr(tag, 'href'));
    if (!f) fail(`stylesheet ${attr(tag, 'href')} is not a local file`);
    const css = inlineCss(f);
    singleStyles.push(css);
    return `<style>${css}</style>`;
  })
  // other local <link href> (icons) -> data: URIs
  .replace(/<link\b[^>]*\bhref="([^"]*)"[^>]*>/gi, (tag, href) => {
    const f = localFile(href);
    return f ? tag.replace(`href="${href}"`, `href="${dataUri(f)}"`) : tag;
  })
  // other local classic scripts -> inline
  .replace(/<script\b([^>]*)\bsrc="([^"]*)"([^>]*)>\s*<\/script>/gi, (tag, a, src, b) => {
    const f = localFile(src);
    if (!f) fail(`script ${src} is not a local file`);
    const js = fs.readFileSync(f, 'utf8');
    singleScripts.push(js);
    return `<script${(a + b).replace(/\s(defer|async)\b/g, '')}>${js}</script>`;
  });
// Trunk's init module -> glue + boot, with the wasm bytes in a data block (not executed, so not CSP-governed).
let replaced = false;
single = single.replace(INLINE_SCRIPT, (tag, attrs, body) => {
  if (body !== init) return tag;
  replaced = true;
  singleScripts.push(boot);
  return `<script type="application/octet-stream" id="yishi-wasm">${wasmB64}</script>\n<script type="module">${boot}</script>`;
});
if (!replaced) fail('could not replace the init script in the single file');
// The exporter's JS and wasm as data blocks, read by the app only when a file is asked for.
if (exporter) {
  const blocks = `<script type="application/octet-stream" id="yishi-exporter-js">${Buffer.from(exporter.script).toString('base64')}</script>
<script type="application/octet-stream" id="yishi-exporter-wasm">${exporter.wasm.toString('base64')}</script>\n`;
  if (!/<\/body>/i.test(single)) fail('no </body> in the single file to put the exporter before');
  single = single.replace(/<\/body>/i, `${blocks}</body>`);
}
for (const m of single.matchAll(INLINE_SCRIPT)) {
  if (/type="application\/octet-stream"/.test(m[1] || '')) continue;
  if (!singleScripts.includes(m[2]) && !inlineScripts.includes(m[2])) singleScripts.push(m[2]);
}
for (const s of inlineScripts) if (s !== init && !singleScripts.includes(s)) singleScripts.push(s);
for (const s of inlineStyles) singleStyles.push(s);
const leftover = [...single.matchAll(/\s(src|href)="([^"]*)"/gi)].map((m) => m[2]).filter((h) => localFile(h));
if (leftover.length) fail(`the single file still references local files: ${leftover.join(', ')}`);

const singleCsp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${[...new Set(singleScripts)].map(sha256).join(' ')}`,
  `style-src ${[...new Set(singleStyles)].map(sha256).join(' ') || "'none'"}`,
  'img-src data: blob:',
  'font-src data:',
  "connect-src 'none'",
  "manifest-src 'none'",
  // The exporter worker starts from a blob: URL of its embedded JS.
  `worker-src ${exporter ? 'blob:' : "'none'"}`,
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

// ---------------------------------------------------------------------------------------
// 3. CSP for dist/index.html.
const csp = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(inlineScripts)].map(sha256).join(' ')}`,
  `style-src 'self'${inlineStyles.length ? ' ' + [...new Set(inlineStyles)].map(sha256).join(' ') : ''}`,
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const cspComment = (p) =>
  `<!-- Content-Security-Policy written by tools/postbuild.mjs. frame-ancestors cannot be set in a meta tag:
       to forbid framing, have the web server send the header
       Content-Security-Policy: ${p}; frame-ancestors 'none' -->`;
const injectHead = (doc, extra) => {
  const m = doc.match(/<meta charset="utf-8"\s*\/?>/i);
  if (!m) fail('no <meta charset="utf-8"> to put the CSP after');
  return doc.replace(m[0], `${m[0]}\n  ${extra}`);
};

single = injectHead(single, `${cspComment(singleCsp)}\n  <meta http-equiv="Content-Security-Policy" content="${singleCsp}">`);
fs.writeFileSync(path.join(dist, 'yishi.html'), single);
log(`yishi.html: ${(single.length / 1024).toFixed(0)} KiB single file (wasm ${(wasmB64.length / 1024).toFixed(0)} KiB as base64)`);

const exporterMeta = exporter ? `\n  <meta name="yishi-exporter" content="./${exporter.js} ./${exporter.wasmName}">` : '';
html = injectHead(
  html,
  `${cspComment(csp)}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">\n  <meta name="yishi-sw" content="./sw.js">${exporterMeta}`,
);
fs.writeFileSync(indexPath, html);
log(`index.html: CSP with ${inlineScripts.length} inline script hash(es), ${inlineStyles.length} inline style hash(es)`);
