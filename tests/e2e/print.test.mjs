// Printed documents, as Chromium prints them (page.pdf with the documents' own @page sizes):
// page size, margins measured from the text positions in the PDF (pdftotext -bbox-layout from
// poppler-utils), page numbers, characters per line of the 纪要 (GB/T 9704-2012: 28 × 22 of
// 3号仿宋 in a 156 × 225 mm type area), and what each document says. With YISHI_SHOTS=DIR the
// PDFs are kept there (view them as PNG pages with pdftoppm -r 60).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appTest, painted } from './lib.mjs';

const tid = (id) => `[data-testid="${id}"]`;
const MM = 72 / 25.4; // PDF points per millimetre
const A4 = { w: 210 * MM, h: 297 * MM };
const near = (got, want, tol, what) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got.toFixed(1)} pt, expected ${want.toFixed(1)} ± ${tol}`);

/** Prints the page to a PDF and reads it back: [{ width, height, lines: [{ x0, y0, x1, y1, text }] }]. */
async function printed(p, name) {
  const dir = process.env.YISHI_SHOTS || fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-print-'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await p.emulateMedia({ media: 'print' });
  await painted(p);
  await p.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await p.emulateMedia({ media: 'screen' });
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  if (!process.env.YISHI_SHOTS) fs.rmSync(dir, { recursive: true, force: true });
  const num = (s, k) => Number(new RegExp(`${k}="([\\d.]+)"`).exec(s)[1]);
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, attrs, body]) => ({
    width: num(attrs, 'width'),
    height: num(attrs, 'height'),
    lines: [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, a, words]) => ({
      x0: num(a, 'xMin'), y0: num(a, 'yMin'), x1: num(a, 'xMax'), y1: num(a, 'yMax'),
      text: [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1])).join(''),
    })),
  }));
}

const mid = (l) => (l.y0 + l.y1) / 2;
const pageText = (pg) => pg.lines.map((l) => l.text).join('\n');
const isA4 = (pages) => pages.forEach((pg, i) => { near(pg.width, A4.w, 1, `page ${i + 1} width`); near(pg.height, A4.h, 1, `page ${i + 1} height`); });

/** The example's meetings (hash of each) and the hash of a task, from the lists. */
async function exampleRecords(app) {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample(p), 'the example data loads');
  await app.go('#/meetings');
  await p.locator(tid('meeting-row')).first().waitFor();
  const meetings = (await p.locator(tid('meeting-row')).evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    .map((h) => h.match(/^#\/meetings\/\d+/)[0]);
  await app.go('#/tasks');
  const tasks = await p.locator('a[href^="#/tasks/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return { p, meetings, task: tasks.find((h) => /^#\/tasks\/\d+$/.test(h)) };
}

appTest('the 纪要 prints per GB/T 9704: A4, its margins, 28 characters a line, 22 lines a page, page numbers outside, a 版记', async (app) => {
  const { p, meetings } = await exampleRecords(app);
  await app.go('#/settings');
  await p.locator(tid('issue-copy-to')).fill('州党委办公室，局属各单位');
  await p.locator(tid('issue-copy-to')).press('Tab');
  await p.locator(`${tid('save-state')}:text("已保存")`).waitFor();

  // A drafted (unsigned) 纪要, made long enough for three pages: paragraphs of 100 characters.
  let summary = null;
  for (const m of meetings) {
    await app.go(`${m}/summary`);
    if ((await p.locator(tid('summary-text')).count()) > 0 && (await p.locator(tid('summary-sign')).count()) > 0) { summary = m; break; }
  }
  assert.ok(summary, 'the example has a drafted 纪要');
  const para = '会议研究'.repeat(25); // 100 characters
  const body = ['会议议定事项如下：', '', '一、关于公路养护工作', ...Array(12).fill(para), '二、关于安全生产工作', ...Array(6).fill(para)].join('\n');
  await p.locator(tid('summary-text')).fill(body);
  await p.locator(tid('summary-text')).blur();
  await painted(p);
  const pages = await printed(p, 'summary');
  assert.ok(pages.length >= 3, `three pages or more, got ${pages.length}`);
  isA4(pages);

  const left = 28 * MM, right = A4.w - 26 * MM, top = 37 * MM, bottom = A4.h - 35 * MM;
  const isNumber = (l) => /^—\s*\d+\s*—$/.test(l.text.trim());
  for (const [i, pg] of pages.entries()) {
    const text = pg.lines.filter((l) => !isNumber(l));
    const no = pg.lines.filter(isNumber);
    // Page numbers: "— N —", 7 mm under the type area, one character in: right on odd pages, left on even.
    assert.equal(no.length, 1, `page ${i + 1} has one page number: ${pageText(pg)}`);
    assert.equal(no[0].text.replace(/\s/g, ''), `—${i + 1}—`);
    // (pdftotext's boxes span the font's whole ascent and descent: the middle of a line is where its glyphs are.)
    near(mid(no[0]), bottom + 7 * MM + 7, 4, `page ${i + 1}: the number's middle 7 mm + half a 4号 character under the type area`);
    if (i % 2 === 0) near(no[0].x1, right - 14, 3, `odd page ${i + 1}: number at the right`);
    else near(no[0].x0, left + 14, 3, `even page ${i + 1}: number at the left`);
    // Margins: the text stays in the type area and fills its width.
    const x0 = Math.min(...text.map((l) => l.x0)), x1 = Math.max(...text.map((l) => l.x1));
    if (i < pages.length - 1) {
      near(x0, left, 2, `page ${i + 1} left margin`);
      near(x1, right, 3, `page ${i + 1} right edge of the text`);
    } else {
      // The last page may hold only the 版记, one character in from each side.
      assert.ok(x0 >= left - 2 && x1 <= right + 3, `last page inside the type area: ${x0}–${x1}`);
    }
    assert.ok(Math.min(...text.map(mid)) >= top, `page ${i + 1}: no text above the top margin`);
    assert.ok(Math.max(...text.map(mid)) <= bottom, `page ${i + 1}: no text below the bottom margin`);
  }
  // The second page is body text only: 22 lines, starting at the top margin, 28 characters each.
  const second = pages[1].lines.filter((l) => !isNumber(l));
  assert.equal(second.length, 22, `22 lines on a full page:\n${pageText(pages[1])}`);
  // The middles of the 22 lines: the first half a line (14.45 pt) under the top margin, the last
  // half a line above the bottom one, 28.9 pt apart.
  const mids = second.map(mid).sort((a, b) => a - b);
  near(mids[0], top + 14.45, 4, 'the first line at the top margin');
  near(mids[21] - mids[0], 21 * 28.9, 1, 'the lines 28.9 pt apart');
  assert.ok(mids[21] < bottom - 14.45 + 4, 'the last line inside the bottom margin');
  assert.ok(second.every((l) => l.text.length <= 28), 'no line over 28 characters');
  const full = second.filter((l) => l.text.length === 28);
  assert.ok(full.length >= 10, `lines of exactly 28 characters: ${second.map((l) => l.text.length).join(' ')}`);
  for (const l of full) near(l.x0, left, 2, 'a full line starts at the left margin');

  // §10.3: the 纪要标志 35 mm under the top of the type area (its middle half a 22 pt line
  // further); 出席 two characters in.
  const title = pages[0].lines.find((l) => /党组会议纪要$/.test(l.text));
  near(mid(title), top + 35 * MM + 11, 6, 'the title 35 mm under the top of the type area');
  const present = pages.flatMap((pg) => pg.lines).find((l) => l.text.startsWith('出席：'));
  near(present.x0, left + 32, 3, '出席 two characters in');
  const all = pages.map(pageText).join('\n');
  const first = pageText(pages[0]);
  assert.match(first, /党组会议纪要/);
  assert.match(first, /〔20\d\d〕\d+号/);
  assert.doesNotMatch(all, /签发：/, 'no 签发 line in the body');
  const last = pageText(pages.at(-1));
  assert.match(last, /分送：州党委办公室，局属各单位/);
  assert.match(last, /中共昌吉回族自治州交通运输局党组/);
  assert.match(last, /\d{4}年\d+月\d+日印发/);
  // The font stacks name the GB/T 9704 fonts first (Chromium embeds the CJK fallbacks as Type 3
  // fonts without names, so the PDF cannot tell which one drew).
  const families = await p.evaluate(() => {
    const f = (sel) => getComputedStyle(document.querySelector(sel)).fontFamily;
    return { body: f('.official-body p'), title: f('.official-title'), heading: f('.official-h'), label: f('.official-attendance dt') };
  });
  assert.match(families.title, /^"?方正小标宋简体/);
  assert.match(families.body, /^"?仿宋_GB2312/);
  assert.match(families.heading, /^"?黑体/);
  assert.match(families.label, /^"?黑体/);
});

appTest('every other document prints on A4 with its own margins and page numbers, and says what it must', async (app) => {
  const { p, meetings, task } = await exampleRecords(app);
  // The meeting with the 干部任免 item: its ballots.
  let personnel = null;
  for (const m of meetings) {
    await app.go(`${m}/print/ballot-named`);
    if ((await p.locator(tid('ballot')).count()) > 0) { personnel = m; break; }
  }
  assert.ok(personnel, 'a meeting with a personnel item');
  const left = 22 * MM;
  const formNumbers = (pages) => pages.forEach((pg, i) => {
    assert.match(pageText(pg), new RegExp(`第 ?${i + 1} ?页 ?共 ?${pages.length} ?页`), `page number on page ${i + 1}`);
  });
  const formMargins = (pages, what) => pages.forEach((pg, i) => {
    const x0 = Math.min(...pg.lines.map((l) => l.x0));
    assert.ok(x0 >= left - 1 && x0 <= left + 30, `${what} page ${i + 1} left margin ${x0}`);
    assert.ok(Math.min(...pg.lines.map(mid)) >= 25 * MM, `${what} page ${i + 1} top margin`);
  });

  await app.go(`${personnel}/print/notice`);
  let pages = await printed(p, 'notice');
  isA4(pages); formNumbers(pages); formMargins(pages, 'notice');
  const agenda = await p.locator(tid('notice-agenda')).allInnerTexts();
  assert.ok(agenda.length >= 1);
  let text = pages.map(pageText).join('\n');
  assert.match(text, /关于召开.*的通知/);
  for (const a of agenda) assert.ok(text.replace(/\s/g, '').includes(a.replace(/\s/g, '')), `the agenda line ${a}`);

  await app.go(`${personnel}/print/sign-in`);
  const rows = await p.locator(tid('sign-in-row')).count();
  pages = await printed(p, 'sign-in');
  isA4(pages); formNumbers(pages); formMargins(pages, 'sign-in');
  text = pages.map(pageText).join('\n');
  assert.match(text, /签名/);
  assert.match(text, /王振华/);
  assert.match(text, /党组书记/);
  assert.ok(rows >= 7, `${rows} rows`);

  await app.go(`${personnel}/print/ballot-named`);
  const named = await p.locator(tid('ballot')).count();
  pages = await printed(p, 'ballot-named');
  isA4(pages);
  assert.equal(pages.length, Math.ceil(named / 2), 'two ballots to a page');
  text = pages.map(pageText).join('\n');
  assert.equal((text.match(/表决人：/g) || []).length, named, 'each named ballot names its voter');
  assert.match(text, /同意[\s\S]*不同意[\s\S]*弃权/);

  await app.go(`${personnel}/print/ballot-secret`);
  assert.equal(await p.locator(tid('ballot')).count(), named, 'one secret ballot per voter');
  pages = await printed(p, 'ballot-secret');
  text = pages.map(pageText).join('\n');
  assert.doesNotMatch(text, /表决人|王振华|第\s*\d+\s*页|\d+\s*\/\s*\d+|—\s*\d+\s*—/, 'a secret ballot carries no name and no page number');
  assert.match(text, /无记名/);

  await app.go(`${personnel}/print/tally`);
  const tallyRows = await p.locator(tid('tally-row')).count();
  pages = await printed(p, 'tally');
  isA4(pages); formNumbers(pages); formMargins(pages, 'tally');
  text = pages.map(pageText).join('\n');
  assert.ok(tallyRows >= 1);
  assert.match(text, /计票人/);
  assert.match(text, /无记名投票/);
  assert.match(text, /通过/);

  await app.go(`${personnel}/print/record`);
  pages = await printed(p, 'record');
  isA4(pages); formNumbers(pages); formMargins(pages, 'record');
  text = pages.map(pageText).join('\n');
  assert.match(text, /党组会议记录/);
  assert.match(text, /主持人（签字）/);
  assert.match(text, /记录人（签字）/);
  assert.match(text, /会议决定/);

  for (const [doc, title] of [['notice', '督办通知单'], ['reminder', '催办单']]) {
    await app.go(`${task}/print/${doc}`);
    pages = await printed(p, `task-${doc}`);
    isA4(pages); formNumbers(pages); formMargins(pages, doc);
    text = pages.map(pageText).join('\n');
    assert.match(text, new RegExp(title));
    assert.match(text, /办结时限/);
    assert.match(text, /签收人/);
  }

  // The annual report: its own page (16 mm sides, numbered "1 / N"), not the 纪要's.
  await app.go(`#/report/${new Date().getFullYear()}`);
  pages = await printed(p, 'report');
  isA4(pages);
  pages.forEach((pg, i) => {
    assert.match(pageText(pg), new RegExp(`${i + 1}\\s*/\\s*${pages.length}`), `report page ${i + 1} numbered`);
    const x0 = Math.min(...pg.lines.map((l) => l.x0));
    // The text of the first page starts at the margin; later pages (the charts) inside it.
    if (i === 0) near(x0, 16 * MM, 2, 'report page 1 left margin');
    else assert.ok(x0 >= 16 * MM - 2, `report page ${i + 1} inside the left margin`);
  });
});

appTest('the documents are linked from the meeting and task screens', async (app) => {
  const { p, meetings, task } = await exampleRecords(app);
  await app.go(meetings[0]);
  const links = await p.locator(`${tid('doc-links')} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links.map((h) => h.split('/print/')[1]), ['notice', 'sign-in', 'ballot-named', 'ballot-secret', 'tally', 'record']);
  assert.equal(await p.locator(`${tid('doc-links')} a`).first().isVisible(), false, 'folded');
  await p.locator(tid('doc-links-open')).click();
  await p.locator(`${tid('doc-links')} a`).first().click();
  await p.locator(tid('doc-sheet')).waitFor();
  await p.locator(tid('print-back')).click();
  await p.locator(tid('doc-links')).waitFor();
  await app.go(task);
  const t = await p.locator(`${tid('doc-links')} a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(t.map((h) => h.split('/print/')[1]), ['notice', 'reminder']);
  if (process.env.YISHI_SHOTS) {
    for (const w of [390, 768, 1366]) {
      await p.setViewportSize({ width: w, height: 900 });
      await app.go(task);
      await app.screenshot(`print-links-task-${w}`);
      await app.go(meetings[0]);
      await p.locator(tid('doc-links-open')).click();
      await app.screenshot(`print-links-meeting-${w}`);
      await app.go(`${meetings[1]}/summary`);
      await app.screenshot(`print-summary-${w}`);
      await app.go('#/settings');
      await app.screenshot(`print-settings-${w}`);
      for (const doc of ['notice', 'sign-in', 'ballot-secret', 'tally', 'record']) {
        await app.go(`${meetings[0]}/print/${doc}`);
        await app.screenshot(`print-${doc}-${w}`);
      }
    }
  }
});
