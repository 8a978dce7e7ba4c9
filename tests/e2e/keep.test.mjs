// What a user is typing is not wiped by a save made elsewhere (another field's change, another
// tab's save arriving): on every screen with text fields, type into each
// empty one without leaving it, let one unrelated edit be saved, and check every field still
// holds what was typed. (A screen that rebuilds itself, or an input whose value is written back
// from the data on every save, loses it.)
import assert from 'node:assert/strict';
import { appTest, painted } from './lib.mjs';
import { SCREENS, recordScreens } from './screens.mjs';

/** Every screen of the example data: list screens and each kind of record screen. */
async function allScreens(app) {
  const p = app.page;
  const records = await recordScreens(app, { democraticLife: '2026-01-10' });
  const routes = [...SCREENS, ...records.map((s) => s.hash)];
  // The planned meeting started: its live screen has the notes and opinions fields.
  await app.go(records.find((s) => s.name === 'meeting-planned-live').hash);
  await p.click('[data-testid="open-meeting"]');
  await p.locator('[data-testid="vote-yes"]').first().waitFor();
  return [...new Set(routes)];
}

appTest('what is being typed survives a save made elsewhere, on every screen', async (app) => {
  const p = app.page;
  // `?bench` installs window.__YISHI_BENCH__, whose editAndSave() makes one edit the way every
  // screen does (the newest item's materials) and saves it.
  await p.goto(`${app.baseUrl}?bench=1&today=2026-03-15#/`);
  await p.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number');
  assert.ok(await app.loadExample(p));
  let typedIn = 0;
  const lost = [];
  for (const route of await allScreens(app)) {
    await app.go(route);
    // Type (input events only: a field is saved when it is left, and none is left here).
    const n = await p.evaluate(() => {
      let k = 0;
      for (const el of document.querySelectorAll('main input[type="text"], main input:not([type]), main input[type="search"], main textarea')) {
        if (el.value !== '' || el.disabled || el.readOnly || el.offsetParent === null) continue;
        el.dataset.typed = `输入${k++}`;
        el.value = el.dataset.typed;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return k;
    });
    await p.evaluate(() => window.__YISHI_BENCH__.editAndSave());
    await painted(p);
    typedIn += n;
    const gone = await p.evaluate((n) => {
      const left = [...document.querySelectorAll('[data-typed]')];
      const wiped = left.filter((el) => el.value !== el.dataset.typed).map((el) => el.dataset.testid || el.closest('label')?.innerText.trim().slice(0, 12) || el.tagName);
      return left.length < n ? [...wiped, `${n - left.length} field(s) replaced`] : wiped;
    }, n);
    if (gone.length) lost.push(`${route}: ${gone.join(', ')}`);
  }
  assert.ok(typedIn >= 40, `typed into ${typedIn} fields`);
  assert.deepEqual(lost, []);
});
