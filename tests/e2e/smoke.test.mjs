// Smoke test: the release build loads from a subdirectory of a plain static server, opens a
// deep link directly and after reload, with zero console errors and zero foreign requests.
import assert from 'node:assert/strict';
import { appTest } from './lib.mjs';

appTest('app loads from /apps/yishi/ and sets __YISHI_READY__', async (app) => {
  const page = await app.gotoApp('#/');
  assert.ok(app.baseUrl.endsWith('/apps/yishi/'));
  const ready = await page.evaluate(() => window.__YISHI_READY__);
  assert.equal(typeof ready, 'number');
  assert.ok(ready > 0, `__YISHI_READY__ should be performance.now() after render, got ${ready}`);
  assert.ok((await page.locator('body').innerText()).trim().length > 0, 'the page renders text');
});

appTest('#/rules/18 opened directly shows 第十八条, and after reload too', async (app) => {
  const page = await app.gotoApp('#/rules/18');
  await page.getByText('第十八条').first().waitFor({ timeout: 10000 });
  await app.reload();
  assert.ok(page.url().endsWith('#/rules/18'), `URL after reload: ${page.url()}`);
  await page.getByText('第十八条').first().waitFor({ timeout: 10000 });
  // the server really is a plain one: no SPA fallback for unknown paths
  const res = await page.request.get(app.baseUrl + 'no-such-page');
  assert.equal(res.status(), 404);
});
