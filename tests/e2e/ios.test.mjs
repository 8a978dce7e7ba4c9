// iPad and iPhone (WebKit on iOS/iPadOS, which deletes a site's storage after 7 days of browser
// use without a visit, unless the site runs from the home screen): 首页 and 数据 say so and
// recommend 添加到主屏幕 in Safari; after a meeting the tablet is asked to send it back; the web
// app manifest that makes 添加到主屏幕 an app is served, valid and cached for offline use.
// The device is simulated by what the app reads of it (navigator's userAgent, platform,
// maxTouchPoints and iOS's `standalone`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appTest, DIST } from './lib.mjs';

const IPAD_DESKTOP_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/** Presents the page as an iPad in Safari's default (desktop) mode, or from the home screen. */
export async function asIpad(app, { standalone = false } = {}) {
  await app.context.addInitScript(({ ua, standalone }) => {
    const nav = Object.getPrototypeOf(navigator);
    Object.defineProperty(nav, 'userAgent', { get: () => ua, configurable: true });
    Object.defineProperty(nav, 'platform', { get: () => 'MacIntel', configurable: true });
    Object.defineProperty(nav, 'maxTouchPoints', { get: () => 5, configurable: true });
    if (standalone) Object.defineProperty(nav, 'standalone', { get: () => true, configurable: true });
  }, { ua: IPAD_DESKTOP_UA, standalone });
}

const notice = (p) => p.getByTestId('ios-storage-notice');

appTest('an iPad in Safari: 首页 and 数据 explain the 7-day deletion and recommend 添加到主屏幕; other screens do not', async (app) => {
  await asIpad(app);
  const p = await app.gotoApp('#/');
  await notice(p).waitFor();
  const text = await notice(p).innerText();
  assert.match(text, /7 天/);
  assert.match(text, /添加到主屏幕/);
  assert.match(text, /导出备份/, 'says how to take the records over to the home-screen app');
  await app.loadExample();
  await notice(p).waitFor();
  await app.go('#/data');
  await notice(p).waitFor();
  await app.go('#/meetings');
  assert.equal(await notice(p).count(), 0);
  // In English too.
  await app.go('#/');
  await p.getByTestId('lang-toggle').click();
  await p.getByRole('link', { name: 'Rules' }).waitFor();
  assert.match(await notice(p).innerText(), /7 days.*Add to Home Screen/s);
});

appTest('an iPad from the home screen: no 7-day notice; after a meeting it is asked to send the meeting back', async (app) => {
  await asIpad(app, { standalone: true });
  const p = await app.gotoApp('#/');
  await app.loadExample();
  await p.getByTestId('risk-hints').waitFor();
  assert.equal(await notice(p).count(), 0);
  await app.go('#/data');
  await p.getByTestId('storage-meter').waitFor();
  assert.equal(await notice(p).count(), 0);
  await app.go('#/meetings');
  const href = await p.locator('[data-testid="meeting-row"][data-stage="Closed"]').first().getAttribute('href');
  await app.go(href.replace(/\/minutes$/, '') + '/minutes');
  const reminder = p.getByTestId('ios-send-back');
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /会议包或备份/);
  // The backup reminder just above it opens the export.
  assert.equal(await p.getByTestId('backup-reminder').getByRole('link').getAttribute('href'), '#/data');
});

appTest('a PC or an Android tablet sees neither notice', async (app) => {
  const p = await app.gotoApp('#/');
  await app.loadExample();
  await p.getByTestId('risk-hints').waitFor();
  assert.equal(await notice(p).count(), 0);
  await app.go('#/meetings');
  const href = await p.locator('[data-testid="meeting-row"][data-stage="Closed"]').first().getAttribute('href');
  await app.go(href.replace(/\/minutes$/, '') + '/minutes');
  await p.getByTestId('backup-reminder').waitFor();
  assert.equal(await p.getByTestId('ios-send-back').count(), 0);
});

appTest('the web app manifest: name 议事, standalone, theme colour, icons that load; precached by the service worker', async (app) => {
  const p = await app.gotoApp('#/');
  const href = await p.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, app.baseUrl).href;
  const res = await p.request.get(manifestUrl);
  assert.equal(res.status(), 200);
  const m = await res.json();
  assert.equal(m.name, '议事');
  assert.equal(m.display, 'standalone');
  assert.match(m.theme_color, /^#[0-9a-f]{6}$/i);
  assert.equal(new URL(m.start_url, manifestUrl).href, app.baseUrl, 'starts at the app folder');
  assert.equal(new URL(m.scope, manifestUrl).href, app.baseUrl);
  for (const size of ['192x192', '512x512']) assert.ok(m.icons.some((i) => i.sizes === size && i.type === 'image/png'), `a ${size} icon`);
  for (const icon of m.icons) {
    const r = await p.request.get(new URL(icon.src, manifestUrl).href);
    assert.equal(r.status(), 200, icon.src);
    assert.equal(r.headers()['content-type'], 'image/png');
    const [w, h] = icon.sizes.split('x').map(Number);
    const png = await r.body();
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [w, h], `${icon.src} is ${icon.sizes}`);
  }
  const touch = await p.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  assert.equal((await p.request.get(new URL(touch, app.baseUrl).href)).status(), 200);
  assert.equal(await p.locator('meta[name="theme-color"]').getAttribute('content'), m.theme_color);
  // The service worker precaches the manifest and its icons: 添加到主屏幕 works offline too.
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  for (const f of [href, touch, ...m.icons.map((i) => i.src)]) assert.ok(sw.includes(`"./${f.replace(/^\.\//, '')}"`), `sw.js precaches ${f}`);
  // Chromium reads it as a browser does (through the page's CSP, manifest-src): no errors, and
  // the name, display and icons as written (appTest then checks for CSP violations).
  const cdp = await app.context.newCDPSession(p);
  const read = await cdp.send('Page.getAppManifest');
  assert.equal(read.url, manifestUrl);
  assert.deepEqual(read.errors, []);
  const parsed = JSON.parse(read.data);
  assert.equal(parsed.name, '议事');
});
