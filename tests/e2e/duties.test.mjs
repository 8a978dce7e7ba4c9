// Journeys of the follow-up (督办) and duty register (履职台账) screens.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { appTest, painted, registerDemocraticLife } from './lib.mjs';

/** Cold-load the app with the app's "today" set, at a hash. */
async function openAt(app, today, hash) {
  const p = app.page;
  await p.goto('about:blank');
  await p.goto(`${app.baseUrl}?today=${today}${hash}`);
  await p.waitForFunction(() => typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number', null, { timeout: 30000 });
  return p;
}

async function withExample(app, today) {
  const p = await openAt(app, today, '#/');
  assert.ok(await app.loadExample(p), 'example data loaded');
  return p;
}

appTest('民主生活会 held 2026-01-10: report due 2026-01-25, counting down, overdue on 2026-01-26', async (app) => {
  let p = await withExample(app, '2026-01-26');
  const hash = await registerDemocraticLife(app, '2026-01-10', '深刻把握党组工作条例');
  const box = p.locator('[data-testid="dl-report"]');
  assert.equal(await p.locator('[data-testid="dl-report-due"]').innerText(), '2026-01-25');
  assert.equal(await box.getAttribute('data-status'), 'overdue');
  assert.match(await p.locator('[data-testid="dl-report-status"]').innerText(), /已逾期\s*1天/);
  const colour = await p.locator('[data-testid="dl-report-status"]').evaluate((el) => getComputedStyle(el).color);
  assert.equal(colour, 'rgb(179, 38, 30)', 'overdue shown in red');

  // On the deadline day it counts down (0 days left) and is not overdue.
  p = await openAt(app, '2026-01-25', hash);
  assert.equal(await p.locator('[data-testid="dl-report"]').getAttribute('data-status'), 'pending');
  assert.equal(await p.locator('[data-testid="dl-days-left"]').innerText(), '0');
  p = await openAt(app, '2026-01-20', hash);
  assert.equal(await p.locator('[data-testid="dl-days-left"]').innerText(), '5');

  // Filing the report clears it, also on the duty register.
  p = await openAt(app, '2026-01-26', hash);
  await p.click('[data-testid="dl-file-report"]');
  assert.equal(await p.locator('[data-testid="dl-report"]').getAttribute('data-status'), 'filed');
  await app.go('#/duties/2026');
  const life = p.locator('[data-testid="duty-row"][data-duty="DemocraticLife"]');
  assert.equal(await life.locator('[data-testid="duty-count"]').innerText(), '1/1');
});

appTest('民主生活会 screen: a field saved on leaving it keeps what is typed elsewhere, and focus moves on', async (app) => {
  const p = await withExample(app, '2026-03-15');
  await registerDemocraticLife(app, '2026-03-10', '主题待定');
  // An opinion being typed (not added yet), then the theme changed and left with Tab.
  await p.fill('[data-testid="dl-opinion-from"]', '县交通运输局');
  await p.fill('[data-testid="dl-theme"]', '学习贯彻党组工作规则');
  await p.press('[data-testid="dl-theme"]', 'Tab');
  await painted(p);
  // The theme is saved, focus is on the next field, and the opinion is still being typed.
  assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('placeholder')), '州纪委监委、州党委组织部');
  assert.equal(await p.inputValue('[data-testid="dl-opinion-from"]'), '县交通运输局');
  await p.reload();
  await p.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number');
  assert.equal(await p.inputValue('[data-testid="dl-theme"]'), '学习贯彻党组工作规则');
});

appTest('民主生活会: an absent member’s written statement is saved, the warning goes, focus stays in the row', async (app) => {
  const p = await withExample(app, '2026-03-15');
  const dl = await registerDemocraticLife(app, '2026-03-20', '专题民主生活会');
  const id = dl.match(/meetings\/(\d+)/)[1];
  // Everyone present: the after-meeting section says there is nobody to inform.
  await p.locator('[data-testid="dl-no-absentees"]').waitFor();
  // One member marked absent on the meeting's live screen.
  await app.go(`#/meetings/${id}/live`);
  const row = p.locator('[data-testid="att-row"]').nth(1);
  const member = await row.getAttribute('data-member');
  await row.locator('[data-testid="att-absent"]').click();
  await app.go(dl);
  const item = p.locator('[data-testid="dl-member"]', { has: p.locator('[data-testid="dl-statement"]') });
  assert.equal(await item.count(), 1, 'one absent member with a statement field');
  assert.match(await item.innerText(), /缺席，尚未提交书面发言/);
  assert.equal(await p.locator('[data-testid="dl-no-absentees"]').count(), 0, 'an absentee to inform');
  await item.locator('[data-testid="dl-statement"]').fill('书面发言：对照检查材料已提交。');
  await p.press('[data-testid="dl-statement"]', 'Tab');
  await painted(p);
  assert.doesNotMatch(await item.innerText(), /尚未提交书面发言/);
  // Tab went to the row's 已宣读 checkbox, which is still in the page (the row was not rebuilt).
  assert.equal(await p.evaluate(() => document.activeElement?.type), 'checkbox');
  assert.ok(await p.evaluate(() => document.activeElement.closest('[data-testid="dl-member"]') !== null));
  await p.keyboard.press('Space');
  await p.reload();
  await p.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number');
  const again = p.locator('[data-testid="dl-member"]', { has: p.locator('[data-testid="dl-statement"]') });
  assert.equal(await again.locator('[data-testid="dl-statement"]').inputValue(), '书面发言：对照检查材料已提交。');
  assert.ok(await again.locator('input[type="checkbox"]').isChecked());
  assert.ok(member);
});

appTest('中心组学习: a department head ticked with the keyboard is saved and keeps focus', async (app) => {
  const p = await withExample(app, '2026-11-27');
  await app.go('#/study/2026');
  const box = p.locator('.study-heads input[type="checkbox"]').first();
  assert.equal(await box.isChecked(), false);
  await box.focus();
  await p.keyboard.press('Space');
  await painted(p);
  assert.ok(await box.isChecked());
  // Saving it leaves focus on the same checkbox.
  assert.ok(await box.evaluate((el) => el === document.activeElement));
  await p.reload();
  await p.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number');
  assert.ok(await p.locator('.study-heads input[type="checkbox"]').first().isChecked());
});

appTest('a year with a month without a 党组会议 is flagged on the register and in the report', async (app) => {
  const p = await withExample(app, '2026-06-15');
  await app.go('#/duties/2025');
  const row = p.locator('[data-testid="duty-row"][data-duty="PartyGroupMeeting"]');
  // Before the register's start (by default the first record, in 2026) nothing is flagged.
  assert.notEqual(await row.getAttribute('data-status'), 'overdue');
  // A register kept since 2025 (台账起始日期 in 设置): 2025's months are judged.
  await app.go('#/settings');
  await p.getByTestId('setting-ledger-start').fill('2025-01-01');
  await p.getByTestId('setting-ledger-start').blur();
  if (process.env.YISHI_SHOTS) {
    for (const [w, h] of [[390, 844], [768, 1024], [1366, 900]]) {
      await p.setViewportSize({ width: w, height: h });
      await p.getByTestId('setting-ledger-start').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await p.screenshot({ path: `${process.env.YISHI_SHOTS}/settings-ledger-${w}.png` });
    }
  }
  // Saved when it was left: no 保存 button.
  await p.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  // 首页: overdue follow-up first, then this year's risks; 2025's are folded below them.
  await app.go('#/');
  const older = p.locator('[data-testid="older-risks"]');
  await older.waitFor();
  assert.equal(await older.evaluate((d) => d.open), false, 'earlier years folded');
  const shown = await p.locator('[data-testid="risk-hints"] > ul [data-testid="risk-hint"]').evaluateAll((els) => els.map((e) => [e.dataset.clause, e.dataset.year]));
  assert.ok(shown.length > 0 && shown.every(([, y]) => Number(y) >= 2026), JSON.stringify(shown));
  assert.ok((await older.locator('[data-testid="risk-hint"]').count()) > 0);
  assert.ok(await older.locator('[data-testid="risk-hint"]').evaluateAll((els) => els.every((e) => e.dataset.year === '2025')));
  await app.go('#/duties/2025');
  assert.equal(await row.getAttribute('data-status'), 'overdue');
  assert.match(await row.locator('[data-testid="duty-gaps"]').innerText(), /2025年\d+月未召开党组会议/);
  assert.ok(await row.evaluate((el) => el.classList.contains('duty-overdue')));
  // The months chart marks short months and the report lists them.
  assert.ok((await p.locator('[data-testid="chart-meetings"] [data-short="true"]').count()) > 0);
  // Every chart is an SVG image named by its own SVG <title> and <desc> (an HTML <title> inside
  // an <svg> is not the SVG's title), and the shapes are SVG elements that take up room.
  const charts = await p.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => ({
    name: s.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent).join('|'),
    foreign: [...s.querySelectorAll('*')].filter((e) => e.namespaceURI !== 'http://www.w3.org/2000/svg').map((e) => e.tagName),
    titled: s.firstElementChild?.tagName === 'title' && s.querySelector(':scope > desc') !== null,
    bars: [...s.querySelectorAll('rect')].filter((r) => r.getBBox().height > 0).length,
  })));
  assert.equal(charts.length, 4);
  for (const c of charts) {
    assert.deepEqual(c.foreign, [], c.name);
    assert.ok(c.titled && /^[^|]+\|[^|]+$/.test(c.name), c.name);
  }
  // 2025 of the example has meetings but no agenda items: the categories chart says so.
  assert.deepEqual(charts.map((c) => c.bars > 0), [true, true, true, false]);
  assert.match(charts[3].name, /本年没有上会议题$/);
  assert.equal(await p.locator('[data-testid="chart-categories"] > text').textContent(), '本年没有上会议题');
  await app.go('#/report/2025');
  assert.match(await p.locator('[data-testid="report-short-months"]').innerText(), /\d+月/);
});

appTest('chart text stays readable on a phone, a tablet in either orientation and a desktop', async (app) => {
  const p = await withExample(app, '2026-11-27');
  // The rendered size of the charts' 13-unit text, per chart, and each chart's drawing.
  const sizes = async () => {
    await p.locator('.duty-charts').scrollIntoViewIfNeeded();
    await painted(p);
    return p.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => ({
      layout: s.dataset.layout,
      px: s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13,
      label: s.querySelector('.chart-label')?.getBoundingClientRect().height ?? 0,
    })));
  };
  await app.go('#/duties');
  for (const [w, h, layout] of [[390, 844, 'Narrow'], [1024, 768, 'Wide'], [768, 1024, 'Wide'], [1366, 768, 'Wide'], [390, 844, 'Narrow']]) {
    // Resized in place (a tablet turned): the charts are redrawn without a reload.
    await p.setViewportSize({ width: w, height: h });
    const charts = await sizes();
    assert.equal(charts.length, 4);
    for (const c of charts) {
      assert.equal(c.layout, layout, `${w}px`);
      assert.ok(c.px >= 12 && c.px <= 16, `${w}px: chart text ${c.px.toFixed(1)} px`);
      assert.ok(c.label >= 12, `${w}px: a label ${c.label.toFixed(1)} px high`);
    }
  }
  // The narrow drawing keeps every label inside the chart (none runs off the left edge).
  const outside = await p.locator('svg.chart .chart-label').evaluateAll((ts) => ts.filter((t) => {
    const r = t.getBoundingClientRect(), s = t.ownerSVGElement.getBoundingClientRect();
    return r.left < s.left - 0.5 || r.right > s.right + 0.5;
  }).map((t) => t.textContent));
  assert.deepEqual(outside, []);
});

appTest('访惠聚 days accumulate across entries and the duty turns done at the yearly figure', async (app) => {
  const p = await withExample(app, '2026-03-15');
  await app.go('#/evidence');
  const leaders = await p.locator('[data-testid="village-member"]').evaluateAll((els) =>
    els.map((e) => ({ id: e.dataset.member, done: Number(e.dataset.done), req: Number(e.dataset.required) })));
  assert.ok(leaders.length > 0, 'main leaders listed');
  await p.selectOption('[data-testid="evidence-kind"]', 'village-days');
  const add = async (member, days) => {
    await p.selectOption('[data-testid="evidence-member"]', member);
    await p.fill('[data-testid="evidence-date"]', '2026-03-10');
    await p.fill('[data-testid="evidence-days"]', String(days));
    await p.click('[data-testid="evidence-add"]');
  };
  // Bad input changes nothing and says why.
  await add(leaders[0].id, 0);
  await p.locator('[data-testid="evidence-form"] [role="alert"]').waitFor();
  const row = (id) => p.locator(`[data-testid="village-member"][data-member="${id}"]`);
  assert.equal(Number(await row(leaders[0].id).getAttribute('data-done')), leaders[0].done);
  for (const l of leaders) {
    const missing = l.req - l.done;
    if (missing > 1) {
      await add(l.id, missing - 1);
      assert.equal(Number(await row(l.id).getAttribute('data-done')), l.req - 1);
      await app.go('#/duties/2026');
      const st = await p.locator('[data-testid="duty-row"][data-duty="VillageDays"]').getAttribute('data-status');
      assert.notEqual(st, 'done');
      await app.go('#/evidence');
      await p.selectOption('[data-testid="evidence-kind"]', 'village-days');
    }
    if (missing > 0) await add(l.id, 1);
    assert.equal(Number(await row(l.id).getAttribute('data-done')), l.req, 'accumulated to the yearly figure');
  }
  await app.go('#/duties/2026');
  const vd = p.locator('[data-testid="duty-row"][data-duty="VillageDays"]');
  assert.equal(await vd.getAttribute('data-status'), 'done');
});

appTest('a task past its deadline is red in the office view and a 第二十条（一） risk hint on 首页', async (app) => {
  const p = await withExample(app, '2026-03-15');
  await app.go('#/tasks');
  await p.click('[data-testid="new-task"]');
  // A bad deadline is refused inline.
  await p.fill('[data-testid="task-title"]', '完成农村公路养护检查');
  await p.click('[data-testid="task-create"]');
  await p.locator('[data-testid="new-task-form"] [role="alert"]').waitFor();
  await p.fill('[data-testid="task-deadline"]', '2026-03-31');
  await p.click('[data-testid="task-create"]');
  const task = p.locator('[data-testid="task-row"]', { hasText: '完成农村公路养护检查' });
  await task.waitFor();
  assert.equal(await task.evaluate((el) => el.classList.contains('task-overdue')), false);
  // Two weeks after the deadline.
  await openAt(app, '2026-04-14', '#/tasks');
  const late = p.locator('[data-testid="task-row"]', { hasText: '完成农村公路养护检查' });
  assert.ok(await late.evaluate((el) => el.classList.contains('task-overdue')));
  assert.equal(await late.locator('[data-status]').getAttribute('data-status'), 'overdue');
  const color = await late.locator('.task-title').evaluate((el) => getComputedStyle(el).color);
  assert.equal(color, 'rgb(179, 38, 30)');
  // The row's words follow the language (they are read once for the whole list).
  assert.equal(await late.locator('.task-deadline').textContent(), '办结期限：2026-03-31');
  assert.equal(await late.locator('.task-late').textContent(), '逾期14天');
  assert.equal(await late.locator('[data-status]').textContent(), '逾期');
  await p.click('[data-testid="lang-toggle"]');
  const lateEn = p.locator('[data-testid="task-row"]', { hasText: '完成农村公路养护检查' });
  await lateEn.locator('.task-late', { hasText: '14 days overdue' }).waitFor();
  assert.match(await lateEn.locator('.task-deadline').textContent(), /^Deadline: ?2026-03-31$/);
  assert.equal(await lateEn.locator('[data-status]').textContent(), 'Overdue');
  await p.click('[data-testid="lang-toggle"]');
  await late.locator('.task-late', { hasText: '逾期14天' }).waitFor();
  await p.check('[data-testid="filter-overdue"]');
  assert.ok((await p.locator('[data-testid="task-row"]', { hasText: '完成农村公路养护检查' }).count()) === 1);
  await app.go('#/');
  const hint = p.locator('[data-testid="risk-hint"]', { hasText: '完成农村公路养护检查' });
  assert.equal(await hint.getAttribute('data-clause'), '第二十条（一）');
  await hint.locator('a').click();
  await p.waitForFunction(() => /#\/tasks\/\d+$/.test(location.hash));
  // A progress report, then close it. A closing result typed before the report is added is
  // still there after it (saving the report re-renders what changed, not the whole screen).
  await p.fill('[data-testid="close-result"]', '草稿：待核实');
  await p.fill('[data-testid="report-by"]', '王主任');
  await p.fill('[data-testid="report-text"]', '已完成80%');
  await p.click('[data-testid="report-add"]');
  await p.locator('[data-testid="task-reports"]', { hasText: '已完成80%' }).waitFor();
  assert.equal(await p.inputValue('[data-testid="close-result"]'), '草稿：待核实');
  await p.fill('[data-testid="close-result"]', '已全部完成');
  await p.click('[data-testid="close-task"]');
  await p.locator('[data-testid="task-closed"]').waitFor();
});

appTest('the annual report prints to a PDF with its heading', async (app) => {
  const p = await withExample(app, '2026-03-15');
  await app.go('#/report/2026');
  const heading = await p.locator('[data-testid="report-heading"]').innerText();
  assert.match(heading, /2026年度履职情况统计/);
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('[data-testid="print-report"]').isVisible(), false, 'print button hidden in print');
  const out = path.join(os.tmpdir(), `yishi-report-${process.pid}.pdf`);
  await p.pdf({ path: out, format: 'A4', printBackground: true });
  const pdf = fs.readFileSync(out);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  try {
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    assert.match(text, /年度履职情况统计/);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e; // pdftotext not installed: the PDF header check stands
  }
  fs.rmSync(out, { force: true });
});

appTest('.ics export downloads a calendar file without any request', async (app) => {
  const p = await withExample(app, '2026-03-15');
  await app.go('#/calendar/2026-03');
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid="export-ics"]')]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(text.includes('BEGIN:VEVENT'));
  assert.match(download.suggestedFilename(), /\.ics$/);
});

// The dashboard follows another year in place (not built again on every year click). What it shows after a year click, the back
// button or a ?year= link must be exactly what a fresh load of that year shows, in Chinese and
// in English; the frame (heading, table, form) stays the same nodes.
appTest('duty dashboard: another year is shown in place, the same as a fresh load of that year', async (app) => {
  const today = '2026-11-27';
  const view = (p) => p.evaluate(() => ({
    year: document.querySelector('[data-testid="year-shown"]').textContent,
    rows: [...document.querySelectorAll('[data-testid="duty-row"]')].map((r) => [r.dataset.duty, r.dataset.status, r.className, r.innerText]),
    links: [...document.querySelectorAll('.duty-tabs a, .duty-yearswitch a')].map((a) => [a.getAttribute('href'), a.className, a.getAttribute('aria-current'), a.innerText]),
    dl: [...document.querySelectorAll('[data-testid="dl-link"]')].map((a) => [a.getAttribute('href'), a.innerText]),
    // Leptos's empty comment markers differ between a built and a patched chart; not shown.
    charts: document.querySelector('.duty-charts').innerHTML.replace(/<!---->/g, ''),
  }));
  const fresh = async (hash) => { const q = await openAt(app, today, hash); await q.getByTestId('duty-row').first().waitFor(); return view(q); };
  let p = await withExample(app, today);
  await app.go('#/duties');
  await p.getByTestId('duty-row').first().waitFor();
  const y2026 = await view(p);
  const y2025 = await fresh('#/duties/2025');
  assert.equal(y2026.year, '2026');
  assert.equal(y2025.year, '2025');
  // Precondition: the two years differ in figures and statuses, so a stale row would show.
  assert.notDeepEqual(y2026.rows.map((r) => r.slice(0, 2)), y2025.rows.map((r) => r.slice(0, 2)));
  assert.notEqual(y2026.charts, y2025.charts);

  p = await openAt(app, today, '#/duties');
  await p.getByTestId('duty-row').first().waitFor();
  await p.evaluate(() => { for (const s of ['h1', '[data-testid="duty-table"]', '[data-testid="dl-register"]']) document.querySelector(s).__kept = true; });
  await p.locator('.duty-yearswitch a').first().click();
  await p.waitForFunction(() => document.querySelector('[data-testid="year-shown"]').textContent === '2025');
  await painted(p);
  assert.deepEqual(await view(p), y2025, 'after the year click: as a fresh load of 2025');
  assert.equal(await p.evaluate(() => location.hash), '#/duties/2025');
  assert.deepEqual(await p.evaluate(() => ['h1', '[data-testid="duty-table"]', '[data-testid="dl-register"]'].map((s) => document.querySelector(s).__kept === true)), [true, true, true], 'the frame stayed');

  // Back: 2026 again, as it was.
  await p.goBack();
  await p.waitForFunction(() => document.querySelector('[data-testid="year-shown"]').textContent === '2026');
  await painted(p);
  assert.deepEqual(await view(p), y2026, 'after going back: as a fresh load of 2026');

  // A risk hint's link (?year=) to the same screen.
  await p.evaluate(() => { location.hash = '#/duties?year=2025'; });
  await p.waitForFunction(() => document.querySelector('[data-testid="year-shown"]').textContent === '2025');
  await painted(p);
  assert.deepEqual(await view(p), y2025, 'a ?year= link: as a fresh load of 2025');

  // In English, after a year click, as a fresh English load of that year.
  await p.getByTestId('lang-toggle').click();
  await p.getByRole('link', { name: 'Rules' }).waitFor();
  await p.locator('.duty-yearswitch a').last().click();
  await p.waitForFunction(() => document.querySelector('[data-testid="year-shown"]').textContent === '2026');
  await painted(p);
  const en = await view(p);
  assert.deepEqual(en, await fresh('#/duties/2026'), 'in English: as a fresh load of 2026');
  assert.ok(en.rows.every((r) => !/[\u4e00-\u9fff]/.test(r[3].split('\n')[0])), 'duty names in English');
});

// Only the dashboard follows a new address in place: another address of the same route builds
// the page anew, so what a page reads from the address when it is built (the evidence list's
// ?id=, which marks a record) follows it.
appTest('evidence list: a link to another record (?id=) marks that record', async (app) => {
  const p = await withExample(app, '2026-11-27');
  await app.go('#/evidence');
  await p.getByTestId('evidence-row').nth(1).waitFor();
  const ids = await p.getByTestId('evidence-row').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.id.replace('evidence-', '')));
  const focused = () => p.evaluate(() => [...document.querySelectorAll('[data-testid="evidence-row"].focused')].map((r) => r.id));
  await p.evaluate((id) => { location.hash = `#/evidence?id=${id}`; }, ids[0]);
  await p.waitForFunction((id) => document.querySelector(`#evidence-${id}.focused`), ids[0]);
  assert.deepEqual(await focused(), [`evidence-${ids[0]}`]);
  await p.evaluate((id) => { location.hash = `#/evidence?id=${id}`; }, ids[1]);
  await p.waitForFunction((id) => document.querySelector(`#evidence-${id}.focused`), ids[1], { timeout: 5000 });
  assert.deepEqual(await focused(), [`evidence-${ids[1]}`]);
  await p.goBack();
  await p.waitForFunction((id) => document.querySelector(`#evidence-${id}.focused`), ids[0], { timeout: 5000 });
  assert.deepEqual(await focused(), [`evidence-${ids[0]}`]);
});

appTest('the example year: 学习计划 审定 reads the same on 中心组学习, 台账 and 年度报告', async (app) => {
  for (const today of ['2026-03-15', '2026-12-06']) {
    // A fresh browser storage for each day: the example is laid out around the day it is loaded.
    if (app.page.url().startsWith('http')) await app.page.evaluate(() => localStorage.clear());
    const p = await withExample(app, today);
    await app.go('#/study/2026');
    const pill = p.locator('[data-testid="plan-approval"] .pill');
    const approved = await pill.getAttribute('data-approved');
    const study = await pill.innerText();
    await app.go('#/duties/2026');
    const row = p.locator('[data-testid="duty-row"][data-duty="StudyPlan"]');
    const register = await row.locator('[data-testid="duty-count"]').innerText();
    await app.go('#/report/2026');
    const report = await p.locator('[data-testid="report-duty"][data-duty="StudyPlan"] [data-testid="report-duty-count"]').innerText();
    assert.equal(register, report, `${today}: register and report`);
    assert.equal(approved === 'true', register === '1/1', `${today}: study screen “${study}”, register ${register}`);
    // The example's plan was approved by the secretary in its first week.
    assert.equal(approved, 'true', `${today}: ${study}`);
    assert.match(study, /审定 王振华 2026-01-0\d/);
    // A first look at the register: a year kept, one deliberate gap (a missed study month).
    await app.go('#/duties/2026');
    const overdue = await p.locator('[data-testid="duty-row"][data-status="overdue"]').evaluateAll((rs) => rs.map((r) => r.dataset.duty));
    assert.deepEqual(overdue, ['CentralStudy'], `${today}: ${overdue}`);
  }
});

appTest('a meeting still to come shows no attendance as done and starts no report countdown', async (app) => {
  const p = await withExample(app, '2026-03-15');
  // A 中心组学习 planned for next week: listed on the study screen as still to come.
  await app.go('#/meetings/new');
  await p.locator('[data-testid="meeting-kind"]').selectOption('CentralStudy');
  await p.locator('[data-testid="meeting-date"]').fill('2026-03-26');
  await p.locator('[data-testid="create-meeting"]').click();
  await p.locator('[data-testid="meeting-place"]').waitFor();
  await app.go('#/study/2026');
  const session = p.locator('[data-testid="study-session"]', { hasText: '2026-03-26' });
  assert.equal(await session.locator('[data-testid="session-not-held"]').innerText(), '尚未召开');
  assert.doesNotMatch(await session.locator('[data-testid="session-attendance"]').innerText(), /\d+\/\d+/);
  // A held one counts who came.
  assert.match(await p.locator('[data-testid="study-session"]', { hasText: '2026-02-' }).first().locator('[data-testid="session-attendance"]').innerText(), /\d+\/\d+/);
  // A 民主生活会 registered for a later date: no deadline, no countdown, nobody shown as present.
  await registerDemocraticLife(app, '2026-03-20', '专题民主生活会');
  const box = p.locator('[data-testid="dl-report"]');
  assert.equal(await box.getAttribute('data-status'), 'not-held');
  assert.equal(await p.locator('[data-testid="dl-days-left"]').count(), 0);
  assert.equal(await p.locator('[data-testid="dl-report-due"]').count(), 0);
  assert.equal(await p.locator('[data-testid="dl-file-report"]').count(), 0);
  assert.match(await p.locator('[data-testid="dl-report-status"]').innerText(), /尚未召开/);
  const presence = await p.locator('[data-testid="dl-presence"]').allInnerTexts();
  assert.ok(presence.length >= 7 && presence.every((t) => t === '应出席'), presence.join(' '));
  // The day after, the meeting held: the countdown runs from its date.
  const hash = await p.evaluate(() => location.hash);
  await openAt(app, '2026-03-21', hash);
  assert.equal(await p.locator('[data-testid="dl-report"]').getAttribute('data-status'), 'not-held', 'still planned until opened');
});
