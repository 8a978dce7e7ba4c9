// Service worker: on localhost (a secure context) dist/sw.js precaches the build, so the app
// reloads with the network gone; it never takes over or reloads the page by itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appTest, DIST } from './lib.mjs';

appTest('service worker precaches the app; reload works offline', async (app) => {
  const page = await app.gotoApp('#/');
  await page.waitForFunction(() => window.__YISHI_OFFLINE__ && window.__YISHI_OFFLINE__.status === 'ready',
    null, { timeout: 30000 });
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, app.baseUrl, 'the worker is scoped to the app folder');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await app.context.setOffline(true);
  await app.gotoApp('#/rules/18');
  await page.getByText('第十八条').first().waitFor({ timeout: 10000 });
  await app.context.setOffline(false);
});

appTest('plain http (not a secure context) reports offline caching unavailable', async (app) => {
  // 127.0.0.1 counts as secure, so reach the same server under a name Chromium treats as insecure.
  const insecure = app.baseUrl.replace('127.0.0.1', 'yishi-intranet.test');
  const page = app.page;
  await app.context.route('http://yishi-intranet.test:*/**', async (route) => {
    const url = route.request().url().replace('yishi-intranet.test', '127.0.0.1');
    route.fulfill({ response: await app.context.request.get(url) });
  });
  await page.goto(insecure + '#/');
  await page.waitForFunction(() => typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number', null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.isSecureContext), false);
  assert.deepEqual(await page.evaluate(() => ({ ...window.__YISHI_OFFLINE__, applyUpdate: undefined })),
    { status: 'unavailable', reason: 'insecure', applyUpdate: undefined });
  app.requests.length = 0; // the routed host is the same server under another name
});

appTest('a new version waits for the app to ask; it never reloads the page by itself', async (app) => {
  const page = await app.gotoApp('#/');
  await page.waitForFunction(() => window.__YISHI_OFFLINE__.status === 'ready', null, { timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(() => { window.__unsavedMarker = 'still here'; });

  // Deploy a "new version": any change to the build changes sw.js.
  const swFile = path.join(app.root, 'sw.js');
  fs.writeFileSync(swFile, fs.readFileSync(swFile, 'utf8').replace(/const BUILD = '([^']+)'/, "const BUILD = '$1-next'"));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.waitForFunction(() => window.__YISHI_OFFLINE__.status === 'update-ready', null, { timeout: 30000 });
  await page.waitForTimeout(1000); // give a misbehaving worker the chance to take over
  assert.equal(await page.evaluate(() => window.__unsavedMarker), 'still here', 'page was reloaded by the update');

  // The app asks for it (nothing unsaved): the new worker takes over and the page reloads once.
  assert.equal(await page.evaluate(() => window.__YISHI_OFFLINE__.applyUpdate()), true);
  await page.waitForFunction(() => window.__unsavedMarker === undefined && typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number',
    null, { timeout: 30000 });
  await page.waitForFunction(() => window.__YISHI_OFFLINE__.status === 'ready', null, { timeout: 30000 });
}, { root: copyOfDist() });

function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
