// Office files: with the example data, each of the five buttons (纪要 .docx, annual report .docx,
// 议题台账 / 督办台账 / 履职台账 .xlsx) gives a download, which LibreOffice (soffice headless, a
// profile of its own per run) converts: the .docx to PDF, read back with pdftotext, the .xlsx to
// CSV. The files say what the screens say: the 纪要 number and 版记 (at the foot of the last
// page, pages numbered outside), the report's totals, one row per record shown, dates as dates.
// The single file dist/yishi.html makes a file from file:// with its embedded exporter, and a
// served app makes one offline from what the service worker precached. With YISHI_SHOTS=DIR the
// files, their PDFs as PNG pages, and the screens with the buttons at three widths go there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appTest, DIST, painted } from './lib.mjs';

const tid = (id) => `[data-testid="${id}"]`;
const MM = 72 / 25.4; // PDF points per millimetre
const A4_HEIGHT = 297 * MM;
const near = (got, want, tol, what) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: ${got.toFixed(1)} pt, expected ${want.toFixed(1)} ± ${tol}`);

/** A temporary folder (kept under YISHI_SHOTS when set), removed when the run ends. */
function workDir(name) {
  if (process.env.YISHI_SHOTS) {
    const dir = path.join(process.env.YISHI_SHOTS, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yishi-office-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Clicks the button and saves the download into `dir`: { name, file }. */
async function download(p, testid, dir) {
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 60000 }), p.locator(tid(testid)).click()]);
  const name = dl.suggestedFilename();
  const file = path.join(dir, name);
  await dl.saveAs(file);
  await status(p, testid).filter({ hasText: name }).waitFor({ timeout: 10000 });
  return { name, file };
}

/** The status line beside a button. */
function status(p, testid) {
  return p.locator('.office-export', { has: p.locator(tid(testid)) }).locator(tid('office-status'));
}

/** Converts `files` with LibreOffice into `dir` (`pdf` or `csv`); its user profile is a folder
 *  of its own, so parallel runs do not share one. Returns the converted files' paths. */
function convert(files, to, dir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-soffice-'));
  const filter = to === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false' : 'pdf';
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', dir, ...files],
      { stdio: 'pipe', timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => {
    const out = path.join(dir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${to}`);
    assert.ok(fs.existsSync(out), `LibreOffice converted ${path.basename(f)}`);
    return out;
  });
}

/** A CSV file's rows of fields (RFC 4180 quoting). */
function csvRows(file) {
  const text = fs.readFileSync(file, 'utf8');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** A PDF's pages: { lines: [{ x0, y0, x1, y1, text }] } (pdftotext -bbox-layout). */
function pdfPages(file) {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  const num = (s, k) => Number(new RegExp(`${k}="([\\d.]+)"`).exec(s)[1]);
  return [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, , body]) => ({
    lines: [...body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, a, words]) => ({
      x0: num(a, 'xMin'), y0: num(a, 'yMin'), x1: num(a, 'xMax'), y1: num(a, 'yMax'),
      text: [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    })),
  }));
}

/** With YISHI_SHOTS: a PDF's pages as PNG files beside it, to look at. */
function pngPages(pdf) {
  if (process.env.YISHI_SHOTS) execFileSync('pdftoppm', ['-r', '50', '-png', pdf, pdf.replace(/\.pdf$/, '')]);
}

/** With YISHI_SHOTS: the screen at a phone, a tablet and a desktop width. */
async function shoot(p, name) {
  if (!process.env.YISHI_SHOTS) return;
  for (const width of [390, 768, 1366]) {
    await p.setViewportSize({ width, height: 900 });
    await painted(p);
    await p.screenshot({ path: path.join(process.env.YISHI_SHOTS, `office-${name}-${width}.png`) });
  }
  await p.setViewportSize({ width: 1366, height: 768 });
}

const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s);

appTest('the five buttons give a 纪要 and a report (.docx) and three registers (.xlsx) that LibreOffice reads', async (app) => {
  const dir = workDir('files');
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample(p), 'the example data loads');

  // A drafted 纪要, long enough for three pages, so that even pages are numbered too.
  await app.go('#/meetings');
  const meetings = (await p.locator(tid('meeting-row')).evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    .map((h) => h.match(/^#\/meetings\/\d+/)[0]);
  let summary = null;
  for (const m of meetings) {
    await app.go(`${m}/summary`);
    if ((await p.locator(tid('summary-sign')).count()) > 0) { summary = m; break; }
  }
  assert.ok(summary, 'the example has a drafted 纪要');
  const para = '会议研究'.repeat(25);
  await p.locator(tid('summary-text')).fill(['会议议定事项如下：', '', '一、关于公路养护工作', ...Array(12).fill(para), '二、关于安全生产工作', ...Array(6).fill(para)].join('\n'));
  await p.locator(tid('summary-text')).blur();
  await painted(p);
  const number = (await p.locator(tid('summary-number')).innerText()).trim();
  await shoot(p, 'summary');
  // The first click starts the exporter: the button says it is working until the file comes.
  const [summaryDocx] = await Promise.all([
    download(p, 'summary-docx', dir),
    status(p, 'summary-docx').filter({ hasText: '正在生成…' }).waitFor({ timeout: 10000 }),
  ]);
  assert.equal(summaryDocx.name, `纪要${number}.docx`);
  await shoot(p, 'summary-done');
  // The meeting's print list offers the same file.
  await p.locator(tid('doc-links-open')).first().click();
  const again = await download(p, 'doc-links-docx', workDir('again'));
  assert.equal(again.name, summaryDocx.name);

  await app.go('#/report/2026');
  await p.locator(tid('report-meetings-total')).waitFor();
  const held = (await p.locator(tid('report-meetings-total')).innerText()).trim();
  await shoot(p, 'report');
  const reportDocx = await download(p, 'report-docx', dir);
  assert.match(reportDocx.name, /^2026年度履职情况统计-\d{4}-\d{2}-\d{2}\.docx$/);

  await app.go('#/items');
  const items = Number((await p.locator(tid('item-count')).innerText()).match(/\d+/)[0]);
  const firstItem = (await p.locator(`${tid('item-row')} .item-row-title`).first().innerText()).trim();
  await shoot(p, 'items');
  const itemsXlsx = await download(p, 'items-xlsx', dir);
  assert.match(itemsXlsx.name, /^议题台账-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await app.go('#/tasks');
  await p.locator(tid('filter-closed')).check();
  await painted(p);
  assert.equal(await p.locator(tid('pager-count')).count(), 0, 'every task on one page');
  const tasks = await p.locator(tid('task-row')).count();
  const firstTask = (await p.locator(`${tid('task-row')} .task-title`).first().innerText()).trim();
  await shoot(p, 'tasks');
  const tasksXlsx = await download(p, 'tasks-xlsx', dir);
  assert.match(tasksXlsx.name, /^督办台账-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await app.go('#/duties/2026');
  await p.locator(tid('duty-row')).first().waitFor();
  const duties = await p.locator(tid('duty-row')).count();
  await shoot(p, 'duties');
  const dutiesXlsx = await download(p, 'duties-xlsx', dir);
  assert.match(dutiesXlsx.name, /^2026年履职台账-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // The .docx files as PDF.
  const [summaryPdf, reportPdf] = convert([summaryDocx.file, reportDocx.file], 'pdf', dir);
  pngPages(summaryPdf);
  pngPages(reportPdf);
  const pages = pdfPages(summaryPdf);
  assert.ok(pages.length >= 3, `three pages or more, got ${pages.length}`);
  const all = pages.map((pg) => pg.lines.map((l) => l.text).join('\n')).join('\n');
  assert.match(all, /党组会议纪要/);
  assert.ok(all.includes(number), `the 纪要 number ${number}`);
  const left = 28 * MM, right = 210 * MM - 26 * MM, bottom = A4_HEIGHT - 35 * MM;
  for (const [i, pg] of pages.entries()) {
    const no = pg.lines.filter((l) => /^—\s*\d+\s*—$/.test(l.text.trim()));
    assert.equal(no.length, 1, `page ${i + 1} has one page number`);
    assert.equal(no[0].text.replace(/\s/g, ''), `—${i + 1}—`);
    assert.ok(no[0].y0 > bottom, `page ${i + 1}: the number under the type area`);
    if (i % 2 === 0) near(no[0].x1, right - 14, 6, `odd page ${i + 1}: number at the right`);
    else near(no[0].x0, left + 14, 6, `even page ${i + 1}: number at the left`);
  }
  // The 版记 ends the last page: its 印发 line is the lowest text of the type area, at its foot.
  const last = pages.at(-1).lines.filter((l) => l.y1 <= bottom + 2);
  const issued = last.find((l) => /\d{4}年\d+月\d+日印发$/.test(l.text));
  assert.ok(issued, `the 版记 on the last page:\n${last.map((l) => l.text).join('\n')}`);
  assert.equal(Math.max(...last.map((l) => l.y1)), issued.y1, 'nothing under the 版记');
  near(issued.y1, bottom, 20, 'the 版记 at the foot of the type area');
  assert.ok(pages.slice(0, -1).every((pg) => !pg.lines.some((l) => /印发$/.test(l.text))), 'the 版记 on the last page only');

  // The report's text as laid out (table rows on one line), and without spaces and line
  // breaks (its title wraps).
  const layout = execFileSync('pdftotext', ['-layout', reportPdf, '-'], { encoding: 'utf8' });
  const report = layout.replace(/\s+/g, '');
  for (const h of ['2026年度履职情况统计', '一、会议召开情况', '二、议题情况', '三、决策督办情况', '四、履职情况']) assert.ok(report.includes(h), `${h} in the report`);
  assert.match(layout, new RegExp(`^\\s*合计\\s+${held}\\s*$`, 'm'), `the total ${held} meetings`);

  // The .xlsx files as CSV: a header, one row per record shown, dates as dates.
  const [itemsCsv, tasksCsv, dutiesCsv] = convert([itemsXlsx.file, tasksXlsx.file, dutiesXlsx.file], 'csv', dir).map(csvRows);
  assert.deepEqual(itemsCsv[0].slice(0, 5), ['编号', '议题', '类别', '状态', '提出日期']);
  assert.equal(itemsCsv.length - 1, items, 'one row per item');
  assert.ok(itemsCsv.slice(1).every((r) => isDate(r[4])), `提出日期 as dates: ${itemsCsv.slice(1, 4).map((r) => r[4])}`);
  assert.ok(itemsCsv.some((r) => r[1] === firstItem), `the item ${firstItem}`);
  assert.deepEqual(tasksCsv[0].slice(0, 2), ['督办事项', '决策来源']);
  assert.equal(tasksCsv.length - 1, tasks, 'one row per task');
  assert.ok(tasksCsv.slice(1).every((r) => isDate(r[4]) && isDate(r[5])), '交办日期 and 完成时限 as dates');
  assert.ok(tasksCsv.some((r) => r[0] === firstTask), `the task ${firstTask}`);
  assert.equal(dutiesCsv[0][0], '职责');
  assert.equal(dutiesCsv.length - 1, duties, 'one row per duty');
  assert.ok(dutiesCsv.slice(1).every((r) => r[4] === '' || isDate(r[4])), '下次期限 as dates');
  assert.ok(dutiesCsv.slice(1).some((r) => isDate(r[4])), 'some duty has a next date');
}, { timeout: 300000 });

appTest('the single file makes a register from file:// with its embedded exporter, and nothing else is loaded', async (app) => {
  const dir = workDir('single');
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample(p), 'the example data loads');
  await app.go('#/tasks');
  await p.locator(tid('filter-closed')).check();
  await painted(p);
  const tasks = await p.locator(tid('task-row')).count();
  const xlsx = await download(p, 'tasks-xlsx', dir);
  const [csv] = convert([xlsx.file], 'csv', dir).map(csvRows);
  assert.equal(csv.length - 1, tasks, 'one row per task');
  assert.ok(csv.slice(1).every((r) => isDate(r[5])), '完成时限 as dates');
  assert.deepEqual(app.requests.filter((u) => !/^(data|blob):/.test(u)).map((u) => u.split('#')[0]),
    [app.baseUrl.split('#')[0]], 'the single file loads nothing else');
}, { mode: 'file', timeout: 180000 });

appTest('served, the exporter works offline from the service worker\'s cache', async (app) => {
  const dir = workDir('offline');
  let p = await app.gotoApp('#/');
  assert.ok(await app.loadExample(p), 'the example data loads');
  await p.waitForFunction(() => window.__YISHI_OFFLINE__ && window.__YISHI_OFFLINE__.status === 'ready', null, { timeout: 30000 });
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The page loads nothing of the exporter before a file is asked for.
  const loaded = () => p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /exporter-/.test(n)));
  assert.deepEqual(await loaded(), [], 'no exporter file loaded by the page');
  await app.context.setOffline(true);
  p = await app.gotoApp('#/items');
  const xlsx = await download(p, 'items-xlsx', dir);
  assert.match(xlsx.name, /^议题台账-/);
  await app.context.setOffline(false);
}, { timeout: 180000 });

appTest('without an exporter in the build the button says so, in the language of the moment', async (app) => {
  const p = await app.gotoApp('#/items');
  await p.locator(tid('items-xlsx')).click();
  const err = p.locator(tid('office-error'));
  await err.waitFor();
  assert.match(await err.innerText(), /此版本不含文件导出组件/);
  await p.locator(tid('lang-toggle')).click();
  await painted(p);
  assert.match(await err.innerText(), /This build has no file exporter/);
}, { root: distWithoutExporter() });

/** A copy of dist/ whose index.html names no exporter (what a development build is like). */
function distWithoutExporter() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/\s*<meta name="yishi-exporter"[^>]*>/, ''));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
