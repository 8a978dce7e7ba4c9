// Records move between the office PC and the meeting tablet, and between two tabs, without an
// edit being lost: a meeting package to the tablet and back merged by revision (a real
// conflict shown and settled), a signed 纪要 that no import can change, undo after a merge,
// and two tabs saving 设置 and the same meeting.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appTest, openApp, painted } from './lib.mjs';

/** Click a download button on `page` and return the file's path and text. */
async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-records-')), d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The id of the first meeting of the list whose row matches `sel` ('[data-stage="Planned"]'). */
async function meetingId(app, page, sel) {
  await app.go('#/meetings', page);
  const href = await page.locator(`[data-testid="meeting-row"]${sel}`).first().getAttribute('href');
  return href.match(/meetings\/(\d+)/)[1];
}

/** On the Data page: choose `file` and wait for the preview. */
async function preview(app, page, file) {
  await app.go('#/data', page);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
}

/** With SHOTS=1: full-page PNGs of `page` at the three widths the app is checked at. */
async function shots(app, page, name) {
  if (!process.env.SHOTS) return;
  const size = page.viewportSize();
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1024 });
    await app.screenshot(`records-${name}-${width}`, page);
  }
  await page.setViewportSize(size);
}

async function merge(page) {
  await page.getByTestId('import-merge').click();
  await page.getByTestId('import-done').waitFor();
}

/** Set a text field of the meeting's preparation screen and leave it (it saves on change). */
async function setField(app, page, id, testid, value) {
  await app.go(`#/meetings/${id}`, page);
  const f = page.getByTestId(testid);
  await f.fill(value);
  await f.press('Tab');
  await painted(page);
}

const canonical = (v) =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v);

appTest('a meeting goes to the tablet and back: both sides\' edits survive, a real conflict is shown and settled, undo restores', async (app) => {
  const pc = await app.gotoApp('#/');
  await app.loadExample();
  const id = await meetingId(app, pc, '[data-stage="Planned"]');
  await app.go(`#/meetings/${id}`, pc);
  const pkg = await download(pc, 'package-export');
  assert.match(pkg.name, /^议事会议包-.*\.json$/);
  const doc = JSON.parse(pkg.text);
  assert.equal(doc.scope, `meeting:${id}`);
  assert.equal(doc.data.meetings.length, 1, 'that meeting and nothing else of the kind');
  assert.equal(doc.data.evidence.length, 0);

  const tablet = await openApp();
  try {
    const tp = await tablet.gotoApp('#/data');
    await preview(tablet, tp, pkg.file);
    await tp.getByTestId('package-note').waitFor();
    assert.equal(await tp.getByTestId('import-replace').count(), 0, 'a package can only be merged');
    await merge(tp);
    // At the meeting, on the tablet; meanwhile the clerk changes the meeting's recorder and a
    // member's note on the PC.
    await setField(tablet, tp, id, 'meeting-place', '平板上改的地点');
    await setField(app, pc, id, 'meeting-recorder', '办公室 小李');
    await app.go('#/settings', pc);
    const note = pc.getByTestId('member-card').first().locator('input').nth(1);
    await note.fill('机关');
    await note.press('Tab');
    await pc.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();

    // Back on the PC: the meeting is newer in the file, the member newer here.
    await tablet.go(`#/meetings/${id}`, tp);
    const back = await download(tp, 'package-export');
    const before = JSON.parse((await (async () => { await app.go('#/data', pc); return download(pc, 'export'); })()).text).data;
    await preview(app, pc, back.file);
    const summary = await pc.getByTestId('merge-summary').innerText();
    assert.match(summary, /两边都改过/, `the meeting changed on both sides (place there, recorder here): ${summary}`);
    const row = pc.getByTestId('conflict-row');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /会议 .*地点.*记录人|会议 .*记录人.*地点/s, 'names the record and the fields');
    await shots(app, pc, 'merge-preview');
    // Default: keep both. The PC's version stays on show, the file's is attached to the meeting.
    await merge(pc);
    await app.go(`#/meetings/${id}`, pc);
    assert.equal(await pc.getByTestId('meeting-recorder').inputValue(), '办公室 小李');
    assert.notEqual(await pc.getByTestId('meeting-place').inputValue(), '平板上改的地点');
    const notice = pc.getByTestId('conflict-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /地点/);
    assert.match(await notice.getByTestId('conflict-values').innerText(), /地点：当前显示「.*」 · 另一个版本「平板上改的地点」/, 'both values shown');
    await shots(app, pc, 'conflict-notice');
    // Nothing was lost meanwhile: the member's note made on the PC is still there.
    await app.go('#/settings', pc);
    assert.equal(await pc.getByTestId('member-card').first().locator('input').nth(1).inputValue(), '机关');
    // The same file again changes nothing.
    await preview(app, pc, back.file);
    await pc.getByTestId('merge-nothing').waitFor();
    await pc.getByRole('button', { name: '取消' }).click();
    // Undo puts every record back exactly as before the merge.
    await pc.getByTestId('import-undo').click();
    await pc.waitForFunction(() => !document.querySelector('[data-testid="import-undo"]'));
    const after = JSON.parse((await download(pc, 'export')).text).data;
    // (The export before the merge recorded its date: the file written then predates it.)
    // The files' own bookkeeping (which revisions were this browser's to amend) is left out.
    for (const d of [before, after]) {
      delete d.last_backup;
      delete d.unshared;
    }
    assert.deepEqual(after, before, 'every record, with its revision, as before the merge');
    // Merge again and settle on the meeting's screen by taking the tablet's version.
    await preview(app, pc, back.file);
    await merge(pc);
    await app.go(`#/meetings/${id}`, pc);
    await pc.getByTestId('settle-take').click();
    await pc.waitForFunction(() => !document.querySelector('[data-testid="conflict-notice"]'));
    assert.equal(await pc.getByTestId('meeting-place').inputValue(), '平板上改的地点');
    await app.gotoApp(`#/meetings/${id}`, pc);
    assert.equal(await pc.getByTestId('meeting-place').inputValue(), '平板上改的地点', 'after a reload');
    assert.equal(await pc.getByTestId('conflict-notice').count(), 0);
    await tablet.assertClean();
  } finally {
    await tablet.close();
  }
});

appTest('no import changes a signed 纪要: the other version is attached and cannot be taken', async (app) => {
  const pc = await app.gotoApp('#/');
  await app.loadExample();
  const id = Number(await meetingId(app, pc, '[data-stage="Signed"]'));
  await app.go('#/data', pc);
  const full = await download(pc, 'export');
  const doc = JSON.parse(full.text);
  // A file in which the signed 纪要 was changed elsewhere, as a newer revision of it.
  const m = doc.data.meetings.find((x) => x.id === id);
  const signed = m.summary.text;
  m.summary.text = `${signed}（另一台电脑上改动）`;
  const rev = doc.data.revs[`meeting:${id}`];
  doc.data.revs[`meeting:${id}`] = { ...rev, start: rev.start + 1, ids: ['0123456789abcdef', ...rev.ids] };
  doc.sha256 = crypto.createHash('sha256').update(canonical(doc.data)).digest('hex');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-records-')), 'changed.json');
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));

  await preview(app, pc, file);
  const row = pc.getByTestId('conflict-row');
  assert.equal(await row.count(), 1);
  await pc.getByTestId('conflict-protected').waitFor();
  assert.equal(await pc.getByTestId('conflict-choice').count(), 0, 'no choice to take the file\'s version');
  await merge(pc);
  await app.go(`#/meetings/${id}/summary`, pc);
  await pc.getByTestId('conflict-notice').waitFor();
  assert.equal(await pc.getByTestId('settle-take').count(), 0);
  assert.ok(!(await pc.locator('main').innerText()).includes('另一台电脑上改动'), 'the signed text is as signed');
  await pc.getByTestId('settle-keep').click();
  await pc.waitForFunction(() => !document.querySelector('[data-testid="conflict-notice"]'));
});

appTest('two tabs: 设置 changed in both keeps both changes; a field changed in both at once keeps both versions and says so; a meeting edit arrives live', async (app) => {
  const a = await app.gotoApp('#/');
  await app.loadExample();
  await app.gotoApp('#/settings', a);
  const b = await app.newPage();
  await app.gotoApp('#/settings', b);
  const change = async (p, testid, value) => {
    await p.getByTestId(testid).fill(value);
    await p.getByTestId(testid).press('Tab');
  };
  // Tab A changes the superior committee; tab B, opened before, the unit's name.
  await change(a, 'unit-superior', '中共昌吉州委员会');
  await change(b, 'unit-name', '昌吉州交通运输局（测试）');
  for (const p of [a, b]) {
    await app.gotoApp('#/settings', p);
    assert.equal(await p.getByTestId('unit-superior').inputValue(), '中共昌吉州委员会', 'tab A\'s field survives tab B\'s change');
    assert.equal(await p.getByTestId('unit-name').inputValue(), '昌吉州交通运输局（测试）');
  }
  // Both change the same field at once: B is typing in it when A's change arrives. B's value
  // shows, A's is kept, and B is told.
  await b.getByTestId('unit-superior').focus();
  await change(a, 'unit-superior', '甲');
  await b.waitForTimeout(300); // A's change reaches B (the storage event) while B types
  assert.equal(await b.getByTestId('unit-superior').inputValue(), '中共昌吉州委员会', 'what B is typing in is left alone');
  await change(b, 'unit-superior', '乙');
  await b.getByTestId('tab-conflict').waitFor();
  assert.match(await b.getByTestId('tab-conflict').innerText(), /设置/);
  await app.gotoApp('#/settings', a);
  assert.equal(await a.getByTestId('unit-superior').inputValue(), '乙');
  await a.getByTestId('conflict-notice').waitFor();
  assert.match(await a.getByTestId('conflict-values').innerText(), /甲/, 'A\'s value is kept beside');
  await a.getByTestId('settle-take').click();
  await a.waitForFunction(() => !document.querySelector('[data-testid="conflict-notice"]'));
  await app.gotoApp('#/settings', a);
  assert.equal(await a.getByTestId('unit-superior').inputValue(), '甲');
  // One after the other (B sees A's change before typing): no conflict, B's value simply wins.
  await app.gotoApp('#/settings', b);
  await change(a, 'unit-superior', '丙');
  await b.waitForFunction(() => document.querySelector('[data-testid="unit-superior"]').value === '丙');
  await change(b, 'unit-superior', '丁');
  await app.gotoApp('#/settings', a);
  assert.equal(await a.getByTestId('unit-superior').inputValue(), '丁');
  assert.equal(await a.getByTestId('conflict-notice').count(), 0);
  // A meeting edited in one tab shows in the other without a reload.
  const id = await meetingId(app, a, '[data-stage="Planned"]');
  await app.go(`#/meetings/${id}`, b);
  await setField(app, a, id, 'meeting-place', '五楼会议室');
  await b.waitForFunction(() => document.querySelector('[data-testid="meeting-place"]')?.value === '五楼会议室', null, { timeout: 5000 });
});
