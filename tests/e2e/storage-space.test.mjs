// Storage space a user can manage (Data page): the safety snapshot an import takes is listed
// with what deleting it frees; deleting it frees that and 恢复 is no longer offered; restoring
// it puts the data back; a full browser is freed by the button the storage-full message names,
// without losing a record; an encrypted export and import show their progress before the result.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appTest } from './lib.mjs';

async function exportBackup(app, page) {
  await app.go('#/data', page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** JSON text with every object's keys in byte order, compact: what a backup's checksum covers. */
const canonical = (v) =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v);

/** The backup with every meeting's title changed (so an import replaces every month), resealed. */
function changedFile(text) {
  const doc = JSON.parse(text);
  for (const m of doc.data.meetings) m.title = `${m.title}（导入）`;
  const sha256 = crypto.createHash('sha256').update(canonical(doc.data)).digest('hex');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-')), 'changed.json');
  fs.writeFileSync(file, JSON.stringify({ ...doc, sha256 }, null, 2));
  return file;
}

async function importReplace(page, file) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('import-replace').click();
  await page.getByTestId('import-replace-confirm').click();
  await page.getByTestId('import-done').waitFor();
}

const used = async (page) => Number(await page.getByTestId('usage-text').getAttribute('data-used'));
const stored = (page) => page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));

/** The meetings as the meetings list shows them. */
async function meetingList(app, page) {
  await app.go('#/meetings', page);
  await page.getByTestId('meeting-row').first().waitFor();
  return page.locator('main').innerText();
}

appTest('a snapshot: listed with when, why and size; 恢复 brings the data back; 删除 frees its space and 恢复 is gone', async (app) => {
  const page = await app.gotoApp('#/');
  await app.loadExample();
  const backup = await exportBackup(app, page);
  assert.equal(await page.getByTestId('snapshot-row').count(), 0);
  assert.match(await page.getByTestId('snapshot-rule').innerText(), /取代.*不会自动删除/);
  // Storage with units, split into records and snapshots.
  assert.match(await page.getByTestId('usage-text').innerText(), /^[\d.]+ k?B \/ [\d.]+ MB（[\d.]+%）$/);
  assert.match(await page.getByTestId('usage-split').innerText(), /^记录：[\d.]+ k?B · 快照：0 B$/);

  await importReplace(page, changedFile(backup.text));
  assert.match(await meetingList(app, page), /（导入）/);
  await app.go('#/data');
  const row = page.getByTestId('snapshot-row');
  await row.waitFor();
  assert.equal(await row.count(), 1);
  assert.equal(await row.getByTestId('snapshot-why').innerText(), '导入前');
  assert.match(await row.textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d · 导入前 · 删除可释放 [\d.]+ k?B/);
  // 恢复 asks first and says what it does; then the data is as before the import.
  await row.getByTestId('snapshot-restore').click();
  assert.match(await page.getByTestId('snapshot-confirm').innerText(), /取代当前全部记录/);
  await page.getByTestId('snapshot-confirm-yes').click();
  await page.getByTestId('snapshot-none').waitFor();
  assert.doesNotMatch(await meetingList(app, page), /（导入）/, 'restored');

  // Import again, then delete the snapshot: asked first; storage drops by what was said.
  await app.go('#/data');
  await importReplace(page, changedFile(backup.text));
  await row.waitFor();
  const said = await row.getByTestId('snapshot-size').innerText();
  // What the page looks like with a snapshot listed, on a phone, a tablet and a PC.
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await app.screenshot(`data-snapshots-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.match(await page.getByTestId('usage-split').innerText(), new RegExp(`快照：${said.replace('删除可释放 ', '').replace('.', '\\.')}$`));
  const before = await used(page);
  assert.equal(before, await stored(page), 'the meter counts what is stored');
  await row.getByTestId('snapshot-delete').click();
  assert.match(await page.getByTestId('snapshot-confirm').innerText(), /无法再恢复到该快照/);
  await page.getByTestId('snapshot-confirm-yes').click();
  await page.getByTestId('snapshot-none').waitFor();
  const after = await used(page);
  assert.ok(after < before, `storage drops: ${before} → ${after}`);
  assert.equal(after, await stored(page));
  assert.match(await page.getByTestId('snapshot-msg').innerText(), /^快照已删除。已释放 [\d.]+ k?B$/);
  assert.equal(await page.getByTestId('snapshot-restore').count(), 0, '恢复 is no longer offered');
  assert.equal(await page.getByTestId('import-undo').count(), 0, 'nor the undo of the import');
  await app.reload();
  await app.go('#/data');
  await page.getByTestId('snapshot-none').waitFor();
  assert.equal(await page.getByTestId('import-undo').count(), 0, 'nor after a reload');
  assert.match(await meetingList(app, page), /（导入）/, 'the current records are untouched');
});

appTest('a full browser: the message names the button; deleting the snapshots frees room and no record is lost', async (app) => {
  const page = await app.gotoApp('#/');
  await app.loadExample();
  const backup = await exportBackup(app, page);
  await importReplace(page, changedFile(backup.text));
  // Fill what is left with another key (Chinese text, halving the chunk at each refusal).
  const filled = await page.evaluate(() => {
    let chunk = '议'.repeat(1 << 20);
    let text = '';
    for (;;) {
      try {
        localStorage.setItem('other:filler', text + chunk);
        text += chunk;
      } catch {
        if (chunk.length <= 16) return text.length;
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  assert.ok(filled > 0);
  // A change cannot be saved; the message names the real button.
  await app.go('#/items/new');
  await page.getByTestId('item-title').fill('存储已满时新建的议题');
  await page.getByTestId('item-create').click();
  await page.getByTestId('storage-banner').waitFor();
  assert.match(await page.getByTestId('storage-banner').innerText(), /存储空间已满.*“删除全部快照”/s);
  await app.go('#/data');
  // Nearly full: the snapshots are offered first, with what deleting them frees.
  const offer = await page.getByTestId('free-offer').innerText();
  const freed = offer.match(/可释放 ([\d.]+ k?B)/)[1];
  assert.match(await page.getByTestId('usage-split').innerText(), new RegExp(`快照：${freed.replace('.', '\\.')}$`));
  assert.equal(await page.getByTestId('free-snapshots').innerText(), '删除全部快照');
  await page.getByTestId('free-snapshots').click();
  assert.match(await page.getByTestId('free-confirm').innerText(), /当前记录不受影响/);
  await page.getByTestId('free-confirm-yes').click();
  await page.getByTestId('free-msg').waitFor();
  assert.match(await page.getByTestId('free-msg').innerText(), /^已释放 [\d.]+ k?B$/);
  assert.equal(await page.getByTestId('snapshot-row').count(), 0);
  // Room again: the next change saves everything, the earlier one included.
  await app.go('#/items/new');
  await page.getByTestId('item-title').fill('释放空间后新建的议题');
  await page.getByTestId('item-create').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.innerText === '已保存');
  assert.equal(await page.evaluate(() => localStorage.getItem('other:filler').length), filled, 'the other key is untouched');
  await app.reload();
  await app.go('#/items');
  const titles = await page.locator('main').innerText();
  assert.match(titles, /存储已满时新建的议题/);
  assert.match(titles, /释放空间后新建的议题/);
  assert.match(await meetingList(app, page), /（导入）/, 'the imported records are all there');
  app.allowConsoleError(/quota|QuotaExceeded/i);
});

appTest('encrypted export and import: each shows its progress before its result', async (app) => {
  const page = await app.gotoApp('#/');
  await app.loadExample();
  await app.go('#/data');
  // Every state each progress line and result line takes, in order, as the page draws them.
  await page.evaluate(() => {
    window.__seen = [];
    const ids = ['export-progress', 'export-msg', 'import-progress', 'import-preview'];
    new MutationObserver(() => {
      for (const id of ids) {
        const e = document.querySelector(`[data-testid="${id}"]`);
        const last = window.__seen.findLast((s) => s.id === id);
        if (e && (!last || last.text !== e.textContent)) window.__seen.push({ id, text: e.textContent });
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const seen = () => page.evaluate(() => window.__seen);
  await page.getByTestId('export-pass').fill('口令 2026');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-enc-')), download.suggestedFilename());
  await download.saveAs(file);
  await page.getByTestId('export-msg').waitFor();
  const exp = (await seen()).filter((s) => s.id.startsWith('export'));
  const firstMsg = exp.findIndex((s) => s.id === 'export-msg');
  const steps = exp.slice(0, firstMsg).map((s) => s.text);
  assert.ok(steps.some((t) => /^正在生成备份文件/.test(t)), JSON.stringify(steps));
  assert.ok(steps.some((t) => /正在由口令生成密钥…\d+%/.test(t)), JSON.stringify(steps));
  assert.ok(steps.some((t) => /正在加密/.test(t)), JSON.stringify(steps));
  assert.equal(await page.getByTestId('export-progress').count(), 0, 'gone once done');

  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-pass').fill('口令 2026');
  await page.getByTestId('import-pass').press('Enter');
  await page.getByTestId('import-preview').waitFor({ timeout: 30000 });
  const imp = (await seen()).filter((s) => s.id.startsWith('import'));
  const preview = imp.findIndex((s) => s.id === 'import-preview');
  const isteps = imp.slice(0, preview).map((s) => s.text);
  assert.ok(isteps.some((t) => /正在由口令生成密钥…\d+%/.test(t)), JSON.stringify(isteps));
  assert.ok(isteps.some((t) => /正在解密并检查文件/.test(t)), JSON.stringify(isteps));
  assert.equal(await page.getByTestId('import-progress').count(), 0, 'gone once done');
});

appTest('leaving the data page while a backup is written or opened breaks nothing', async (app) => {
  const page = await app.gotoApp('#/');
  await app.loadExample();
  await app.go('#/data');
  // An encrypted export started, then another screen opened (with the example's few records
  // the file is written at once; the page is left while the key is derived): the file still
  // comes, and the app goes on working.
  await page.getByTestId('export-pass').fill('口令 2026');
  const downloaded = page.waitForEvent('download', { timeout: 60000 });
  await page.getByTestId('export').click();
  await app.go('#/meetings');
  const download = await downloaded;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-leave-')), download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /加密\.json$/);
  // Its import started, and the page left while the key is derived.
  await app.go('#/data');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-pass').fill('口令 2026');
  await page.getByTestId('import-pass').press('Enter');
  await page.getByTestId('import-progress').waitFor();
  await app.go('#/meetings');
  await page.waitForTimeout(4000);
  // Still working: a screen opens, and the data page offers a fresh import.
  await app.go('#/data');
  await page.getByTestId('import-file').waitFor();
  assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview of the abandoned import');
});
