// Content-Security-Policy: dist/index.html carries a strict policy, the app boots under it
// without any violation, and the policy really blocks what it should (so this test can fail).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appTest, DIST } from './lib.mjs';

function cspOf(file) {
  const html = fs.readFileSync(path.join(DIST, file), 'utf8');
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(m, `${file} has a CSP meta tag`);
  return Object.fromEntries(m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

appTest('dist/index.html: strict CSP, app boots with no violation, inline script is blocked', async (app) => {
  const csp = cspOf('index.html');
  assert.deepEqual(csp['default-src'], ["'none'"]);
  assert.ok(csp['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!csp['script-src'].some((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:'].includes(s) || /^https?:/.test(s)),
    csp['script-src'].join(' '));
  assert.ok(csp['script-src'].some((s) => s.startsWith("'sha256-")), 'hash of the inline init script');
  assert.deepEqual(csp['object-src'], ["'none'"]);
  assert.deepEqual(csp['connect-src'], ["'self'"]);

  const page = await app.gotoApp('#/');
  assert.deepEqual(await app.cspViolations(), []);

  // An injected inline script must be refused, and the violation must be seen by the listener.
  app.allowConsoleError(/Content Security Policy/);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.appendChild(s);
  });
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(await page.evaluate(() => window.__injected), undefined, 'inline script must not run');
  const v = await app.cspViolations();
  assert.equal(v[0].directive, 'script-src-elem');
  await page.evaluate(() => { window.__cspViolations.length = 0; });
});

appTest('dist/yishi.html: its own CSP allows no network at all', async () => {
  const csp = cspOf('yishi.html');
  assert.deepEqual(csp['default-src'], ["'none'"]);
  assert.deepEqual(csp['connect-src'], ["'none'"]);
  assert.ok(csp['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(!csp['script-src'].includes("'self'"));
}, { mode: 'file' });
