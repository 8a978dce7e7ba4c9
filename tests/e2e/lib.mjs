// Shared harness for Yishi's end-to-end tests (node --test + playwright-core + Debian Chromium).
//
// Run them with `./dev test` (it builds dist/ first), or after `./dev dist`:
//   cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs
//
// ---- API -------------------------------------------------------------------------------
// appTest(name, fn, opts?)            A node:test `test` that opens the app, runs `await fn(app, t)`,
//                                     then asserts app.assertClean() and always closes everything.
//                                     opts: { mode: 'http' | 'file', serviceWorkers: 'allow' | 'block',
//                                             viewport: {width,height}, root (a copy of dist/ to serve),
//                                             skip, timeout (ms, default 120000) }
// openApp(opts?) -> app               The same without the test wrapper (call app.close() yourself).
//
// app.page                            The first page (playwright-core Page).
// app.context                         Its BrowserContext (fresh profile in a temp dir, deleted on close).
// app.root                          The directory being served (dist/ or opts.root).
// app.baseUrl                         'http://127.0.0.1:<port>/apps/yishi/' (or the file:// URL of dist/yishi.html).
// app.gotoApp(hash = '#/', page?)     Cold-loads the app at that hash (a real page load, even when only
//                                     the hash differs) and waits for window.__YISHI_READY__ (the first
//                                     screen) and __YISHI_LOADED__ (every record read; input taken).
// app.reload(page?)                   Reloads and waits for both again.
// app.go(hash, page?)                 In-app navigation: sets location.hash, waits two animation frames.
// app.newPage()                       Another tab in the same profile (same localStorage), with listeners.
// app.loadExample(page?)              Clicks [data-testid="load-example"] if present; returns true if clicked.
// app.screenshot(name, page?)         Full-page PNG into <repo>/screenshots/<name>.png; returns the path.
// app.axe(page?, opts?)               Runs axe-core in the page; returns the violations (all impacts).
// app.consoleErrors / pageErrors      Arrays of strings collected from every page of the context.
// app.requests                        Every request URL made by the context (pages and service worker).
// app.foreignRequests()               Requests outside the app's own origin+subdirectory (data:/blob: allowed).
// app.cspViolations(page?)            securitypolicyviolation events seen by the page ({directive, blockedURI}).
// app.assertClean()                   Fails on any console error, page error, foreign request or CSP violation.
// app.allowConsoleError(regex)        Exempts console errors a test provokes on purpose.
// app.close()
//
// Also exported: REPO, DIST, BASE_PATH, CHROMIUM, startServer, launchBrowser(opts), readyTimeout,
// painted(page) (two frames: the page as painted).
// registerDemocraticLife(app, date, theme) → the hash of the new 民主生活会's cycle screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tools/chromium.mjs';

export { startServer, CHROMIUM };
/** Waits for two frames: what the page shows is painted (and `innerText` is the text as
 *  painted: blocks with `content-visibility: auto` are left out until a frame has placed them). */
export const painted = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.YISHI_DIST ? path.resolve(process.env.YISHI_DIST) : path.join(REPO, 'dist');
export const BASE_PATH = '/apps/yishi/';
export const readyTimeout = Number(process.env.YISHI_READY_TIMEOUT_MS || 30000);

// Counts securitypolicyviolation events in every document before the app's own scripts run.
const INIT_SCRIPT = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample });
  });
})();`;

/** Launches Debian Chromium with a fresh profile. Returns { context, close() }. Never downloads a browser. */
export async function launchBrowser({ serviceWorkers = 'allow', viewport = { width: 1366, height: 768 } } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run ./dev setup --browser`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'zh-CN',
    serviceWorkers,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function openApp({ mode = 'http', serviceWorkers = 'allow', viewport, root = DIST } = {}) {
  const indexFile = path.join(root, mode === 'file' ? 'yishi.html' : 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} not found; run ./dev dist first`);

  const server = mode === 'file' ? null : await startServer({ root, base: BASE_PATH });
  const baseUrl = mode === 'file' ? pathToFileURL(indexFile).href : server.baseUrl;
  // A browser that fails to start must not leave the server open (the test process would never
  // end); Chromium now and then exits during its start on these machines: one more try.
  let browser;
  try {
    browser = await launchBrowser({ serviceWorkers, viewport }).catch(() => launchBrowser({ serviceWorkers, viewport }));
  } catch (e) {
    if (server) await server.close();
    throw e;
  }
  const { context } = browser;
  await context.addInitScript({ content: INIT_SCRIPT });

  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  const allowed = [];
  const attach = (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location();
      consoleErrors.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => pageErrors.push(String((err && err.stack) || err)));
  };
  context.on('page', attach);
  context.on('request', (req) => requests.push(req.url()));
  for (const p of context.pages()) attach(p);
  const page = context.pages()[0] || (await context.newPage());

  const isOwn = (url) => {
    if (/^(data|blob|about):/.test(url)) return true;
    if (mode === 'file') return url.split('#')[0] === baseUrl.split('#')[0];
    return url.startsWith(baseUrl);
  };

  const waitReady = (p) =>
    p.waitForFunction(() => typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number', null, { timeout: readyTimeout });

  const app = {
    page,
    context,
    baseUrl,
    server,
    root,
    consoleErrors,
    pageErrors,
    requests,
    mode,
    async gotoApp(hash = '#/', p = page) {
      const target = baseUrl.split('#')[0] + (hash.startsWith('#') ? hash : '#' + hash);
      const current = p.url();
      if (current !== 'about:blank' && current.split('#')[0] === target.split('#')[0]) {
        await p.goto('about:blank'); // force a real load; a hash-only goto would not reload
      }
      await p.goto(target);
      await waitReady(p);
      return p;
    },
    async reload(p = page) {
      await p.reload();
      await waitReady(p);
      return p;
    },
    async go(hash, p = page) {
      await p.evaluate((h) => { location.hash = h; }, hash);
      await painted(p);
    },
    async newPage() {
      const p = await context.newPage();
      return p;
    },
    async loadExample(p = page) {
      const btn = p.locator('[data-testid="load-example"]');
      if ((await btn.count()) === 0 || !(await btn.first().isVisible())) return false;
      await btn.first().click();
      await btn.first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => {});
      await painted(p);
      return true;
    },
    async screenshot(name, p = page) {
      const dir = path.join(REPO, 'screenshots');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      await p.evaluate(() => document.fonts && document.fonts.ready);
      // Blocks below the first screen are `content-visibility: auto` (drawn when scrolled
      // near); a full-page capture does not scroll, so draw them all for it (a CSSOM rule: the
      // page's CSP allows no injected <style>), then put the page back.
      const rule = await p.evaluate(() => {
        const sheet = [...document.styleSheets].find((s) => { try { return s.cssRules; } catch { return false; } });
        return sheet ? [[...document.styleSheets].indexOf(sheet), sheet.insertRule('* { content-visibility: visible !important; }', sheet.cssRules.length)] : null;
      });
      await painted(p);
      try {
        await p.screenshot({ path: file, fullPage: true });
      } finally {
        if (rule) await p.evaluate(([i, at]) => document.styleSheets[i].deleteRule(at), rule);
      }
      return file;
    },
    async axe(p = page, opts = {}) {
      const require = createRequire(import.meta.url);
      const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
      // page.evaluate runs through DevTools, so the page's CSP does not block it.
      await p.evaluate(source);
      return p.evaluate((o) => window.axe.run(document, o).then((r) => r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')),
      }))), opts);
    },
    foreignRequests() {
      return requests.filter((u) => !isOwn(u));
    },
    async cspViolations(p = page) {
      return p.evaluate(() => window.__cspViolations || []);
    },
    allowConsoleError(re) {
      allowed.push(re);
    },
    async assertClean() {
      const errors = consoleErrors.filter((e) => !allowed.some((re) => re.test(e)));
      assert.deepEqual(errors, [], 'console errors');
      assert.deepEqual(pageErrors, [], 'uncaught page errors');
      assert.deepEqual(app.foreignRequests(), [], `requests outside ${baseUrl}`);
      for (const p of context.pages()) {
        if (p.isClosed() || p.url() === 'about:blank') continue;
        assert.deepEqual(await app.cspViolations(p), [], `CSP violations on ${p.url()}`);
      }
    },
    async close() {
      await browser.close();
      if (server) await server.close();
    },
  };
  return app;
}

/** Registers a 民主生活会 on `date` from the duty register of its year (the quick entry) and
 *  returns the hash of its cycle screen, which the app opens. */
export async function registerDemocraticLife(app, date, theme, p = app.page) {
  await app.go(`#/duties/${date.slice(0, 4)}`, p);
  await p.fill('[data-testid="dl-register-date"]', date);
  await p.fill('[data-testid="dl-register-theme"]', theme);
  await p.click('[data-testid="dl-register-submit"]');
  await p.waitForFunction(() => location.hash.endsWith('/democratic-life'));
  return p.evaluate(() => location.hash);
}

/** A node:test test with an app opened before and checked + closed after. */
export function appTest(name, fn, opts = {}) {
  const { skip, timeout = 120000, ...appOpts } = opts;
  return test(name, { skip, timeout }, async (t) => {
    const app = await openApp(appOpts);
    try {
      await fn(app, t);
      await app.assertClean();
    } finally {
      await app.close();
    }
  });
}
