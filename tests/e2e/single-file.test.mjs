// dist/yishi.html: one self-contained file that runs from file:// with no server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { appTest, DIST } from './lib.mjs';

appTest('yishi.html runs from file:// and makes no request but itself', async (app) => {
  const html = fs.readFileSync(path.join(DIST, 'yishi.html'), 'utf8');
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !/^(data:|#)/.test(u));
  // the only allowed reference is the file:// notice's fallback link, which lives in sw-register.js, not here
  assert.deepEqual(refs, [], 'no src/href to other files');

  const page = await app.gotoApp('#/');
  assert.ok(page.url().startsWith('file://'));
  assert.equal(await page.evaluate(() => window.__YISHI_SINGLE_FILE__), true);
  assert.deepEqual(app.requests.filter((u) => !u.startsWith('data:')).map((u) => u.split('#')[0]),
    [app.baseUrl.split('#')[0]], 'the single file loads nothing else');

  await app.gotoApp('#/rules/18');
  await page.getByText('第十八条').first().waitFor({ timeout: 10000 });
  await app.reload();
  await page.getByText('第十八条').first().waitFor({ timeout: 10000 });
}, { mode: 'file' });

appTest('dist/index.html opened from file:// explains what to do instead of a blank page', async (app) => {
  // Browsers refuse module scripts on file://, so the app cannot start here; sw-register.js says so.
  app.allowConsoleError(/CORS|Failed to load|ERR_FAILED|blocked/i);
  const page = app.page;
  await page.goto(app.baseUrl.replace(/yishi\.html$/, 'index.html'));
  const notice = page.locator('#yishi-file-notice');
  await notice.waitFor({ timeout: 10000 });
  assert.match(await notice.innerText(), /yishi\.html/);
  assert.equal(await notice.locator('a').getAttribute('href'), 'yishi.html');
  app.requests.length = 0; // index.html's own files, requested (and refused) from file://
}, { mode: 'file' });
