// Foundation journeys: first run → set up the unit with 7 members and 3 departments →
// reload → all there; validation refuses bad input and saves nothing; language switch persists;
// the rules screen deep link and search; example data.
import assert from 'node:assert/strict';
import { appTest } from './lib.mjs';

const MEMBERS = ['王建国', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊'];
const DEPARTMENTS = [['办公室', 0], ['规划建设科', 2], ['财务审计科', 3]];

/** Type `value` into a 设置 field and leave it: the change is saved then. */
async function commit(field, value) {
  await field.fill(value);
  await field.press('Tab');
}

/** Wait until some input with `testid` shows `value` (a record added or renamed was saved). */
async function shown(page, testid, value) {
  await page.waitForFunction(([t, v]) => [...document.querySelectorAll(`[data-testid="${t}"]`)].some((e) => e.value === v), [testid, value]);
}

async function setUpUnit(page) {
  await page.getByTestId('set-up-unit').click();
  await commit(page.getByTestId('unit-name'), '昌吉州交通运输局');
  await commit(page.getByTestId('unit-superior'), '中共昌吉州委员会');
  for (const name of MEMBERS) {
    await page.getByTestId('new-member-name').fill(name);
    await page.getByTestId('add-member').click();
    await shown(page, 'member-name', name);
  }
  for (const [name] of DEPARTMENTS) {
    await page.getByTestId('new-department-name').fill(name);
    await page.getByTestId('new-department-name').press('Enter');
    await shown(page, 'department-name', name);
  }
  // In-charge selects list members by name.
  for (let i = 0; i < DEPARTMENTS.length; i++) {
    await page.getByTestId('department-in-charge').nth(i).selectOption({ label: MEMBERS[DEPARTMENTS[i][1]] });
  }
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
}

appTest('first run: set up a unit with 7 members and 3 departments; everything is there after reload', async (app) => {
  const page = await app.gotoApp('#/');
  await page.getByTestId('welcome').waitFor();
  await setUpUnit(page);
  assert.equal(await page.getByTestId('settings-save').count(), 0, 'no 保存 button: each change is saved as it is made');
  await app.reload();
  assert.ok(page.url().endsWith('#/settings'));
  assert.equal(await page.getByTestId('unit-name').inputValue(), '昌吉州交通运输局');
  const names = await page.getByTestId('member-name').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(names, MEMBERS);
  const roles = await page.getByTestId('term-role').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(roles, ['secretary', 'member', 'member', 'member', 'member', 'member', 'member']);
  const depts = await page.getByTestId('department-name').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(depts, DEPARTMENTS.map((d) => d[0]));
  const inCharge = await page.getByTestId('department-in-charge').evaluateAll((els) => els.map((e) => e.selectedOptions[0].textContent));
  assert.deepEqual(inCharge, DEPARTMENTS.map((d) => MEMBERS[d[1]]));
  // Home now shows the unit instead of the welcome card.
  await app.go('#/');
  await page.getByRole('heading', { name: '昌吉州交通运输局' }).waitFor();
  assert.equal(await page.getByTestId('welcome').count(), 0);
});

// Each change saves at once, and changes only what it touches (not every member's term rows and
// every department's member options again). The options still follow names, additions and
// removals; removing asks first.
appTest('settings: a renamed member shows in every in-charge list, the other rows stay as they are; removing asks first', async (app) => {
  const page = await app.gotoApp('#/');
  await setUpUnit(page);
  const optionTexts = () => page.getByTestId('department-in-charge').evaluateAll((els) => els.map((e) => [...e.options].map((o) => o.textContent)));
  const selected = () => page.getByTestId('department-in-charge').evaluateAll((els) => els.map((e) => e.selectedOptions[0].textContent));
  const before = await optionTexts();
  assert.deepEqual(before, DEPARTMENTS.map(() => ['（未指定）', ...MEMBERS]));
  // Every change to the page while the name is changed, outside the name's own input.
  await page.evaluate(() => {
    const renamed = [...document.querySelector('[data-testid="department-in-charge"]').options].find((o) => o.textContent === '张伟').value;
    window.__touched = [];
    window.__mo = new MutationObserver((ms) => { for (const m of ms) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (el.closest('.term-row')) window.__touched.push(`term row: ${m.type} ${m.attributeName || ''}`);
      else if (el.closest('option') && el.closest('option').value !== renamed) window.__touched.push(`option ${el.closest('option').textContent}: ${m.type} ${m.attributeName || ''}`);
    } });
    window.__mo.observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // Rename 张伟 (in charge of 规划建设科), key by key, then leave the field.
  await page.getByTestId('member-name').nth(2).fill('');
  await page.getByTestId('member-name').nth(2).pressSequentially('张卫东');
  await page.getByTestId('member-name').nth(2).press('Tab');
  const renamed = MEMBERS.map((m, i) => (i === 2 ? '张卫东' : m));
  assert.deepEqual(await optionTexts(), DEPARTMENTS.map(() => ['（未指定）', ...renamed]));
  assert.deepEqual(await selected(), DEPARTMENTS.map((d) => renamed[d[1]]));
  const touched = await page.evaluate(() => { window.__mo.disconnect(); return window.__touched; });
  assert.deepEqual([...new Set(touched)], [], 'no term row and no other member\'s option was touched');
  // A member added: in every list. Removing asks first; 取消 keeps them, 删除 removes them
  // from every list.
  await page.getByTestId('new-member-name').fill('新成员');
  await page.getByTestId('add-member').click();
  await shown(page, 'member-name', '新成员');
  assert.deepEqual((await optionTexts())[0], ['（未指定）', ...renamed, '新成员']);
  const card = page.getByTestId('member-card').last();
  await card.getByRole('button', { name: '删除', exact: true }).click();
  assert.match(await page.getByTestId('remove-member').innerText(), /删除后不能恢复。删除党组成员：新成员/);
  await page.getByTestId('remove-member-no').click();
  assert.equal(await page.getByTestId('remove-member').count(), 0);
  assert.equal(await page.getByTestId('member-card').count(), MEMBERS.length + 1);
  await card.getByRole('button', { name: '删除', exact: true }).click();
  await page.getByTestId('remove-member-yes').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="member-card"]').length === n, MEMBERS.length);
  assert.deepEqual(await optionTexts(), DEPARTMENTS.map(() => ['（未指定）', ...renamed]));
  // A member named in records cannot be removed: the page says why, and asks nothing.
  await app.reload();
  assert.deepEqual(await selected(), DEPARTMENTS.map((d) => renamed[d[1]]));
  assert.deepEqual(await page.getByTestId('member-name').evaluateAll((els) => els.map((e) => e.value)), renamed);
});

// Members who had left when the page was opened (往届成员) are folded under a button and built
// only when shown (ten years of members make the page slow to open and long to scroll on a
// tablet). They stay editable; a wrong date is refused beside the dates.
appTest('settings: former members are folded under a button, editable when shown, and a wrong date is refused', async (app) => {
  const page = await app.gotoApp('#/');
  await setUpUnit(page);
  // 赵磊 served 2020-2021, under 王建国 as secretary since 2019.
  await page.getByTestId('member-card').first().getByTestId('term-start').fill('2019-01-01');
  const last = page.getByTestId('member-card').last();
  await last.getByTestId('term-start').fill('2020-01-01');
  await last.getByTestId('term-end').fill('2021-12-31');
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  // Still shown in this visit; folded once the page is opened again.
  assert.equal(await page.getByTestId('member-card').count(), MEMBERS.length);
  await app.reload();
  const toggle = page.getByTestId('toggle-former');
  await toggle.waitFor();
  assert.equal((await toggle.textContent()).trim(), '显示往届成员（1）');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(await page.getByTestId('member-name').evaluateAll((els) => els.map((e) => e.value)), MEMBERS.slice(0, -1));
  // The in-charge lists still offer every member.
  const options = await page.getByTestId('department-in-charge').first().evaluate((e) => [...e.options].map((o) => o.textContent));
  assert.deepEqual(options, ['（未指定）', ...MEMBERS]);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal((await toggle.textContent()).trim(), '收起往届成员（1）');
  const former = page.locator('#former-members [data-testid="member-card"]');
  assert.equal(await former.count(), 1);
  assert.equal(await former.getByTestId('member-name').inputValue(), '赵磊');
  assert.equal(await former.locator('.pill').textContent(), '已离任');
  // An end before the start: refused beside the dates, and not saved.
  await former.getByTestId('term-end').fill('2019-06-30');
  await former.locator('.term-error').filter({ hasText: '任职结束日期早于开始日期' }).waitFor();
  await app.reload();
  await page.getByTestId('toggle-former').click();
  assert.equal(await former.getByTestId('term-end').inputValue(), '2021-12-31', 'the refused date was not saved');
  // Mended: the new end date is kept, and the member is still folded.
  await former.getByTestId('term-end').fill('2022-06-30');
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  assert.equal(await former.locator('.term-error').count(), 0);
  await app.reload();
  await page.getByTestId('toggle-former').click();
  assert.equal(await former.getByTestId('term-end').inputValue(), '2022-06-30');
  // In English.
  await page.getByTestId('lang-toggle').click();
  assert.equal((await page.getByTestId('toggle-former').textContent()).trim(), 'Hide former members (1)');
});

appTest('settings save as they change: a field, a choice and a number survive a reload without any 保存', async (app) => {
  const page = await app.gotoApp('#/');
  await setUpUnit(page);
  await commit(page.getByTestId('unit-superior'), '中共昌吉回族自治州委员会');
  await commit(page.getByTestId('setting-meeting_every_months'), '2');
  await page.getByTestId('reading-inclusive').check();
  await page.getByTestId('setting-subtract_recused').click();
  const recused = await page.getByTestId('setting-subtract_recused').isChecked();
  await page.getByTestId('save-state').filter({ hasText: '已保存' }).waitFor();
  await app.reload();
  assert.equal(await page.getByTestId('unit-superior').inputValue(), '中共昌吉回族自治州委员会');
  assert.equal(await page.getByTestId('setting-meeting_every_months').inputValue(), '2');
  assert.ok(await page.getByTestId('reading-inclusive').isChecked());
  assert.equal(await page.getByTestId('setting-subtract_recused').isChecked(), recused);
  // 恢复默认值 asks first; cancelled, nothing changes.
  await page.getByRole('button', { name: '恢复规则原文的默认值' }).click();
  await page.getByTestId('reset-defaults-no').click();
  await app.reload();
  assert.equal(await page.getByTestId('setting-meeting_every_months').inputValue(), '2');
  await page.getByRole('button', { name: '恢复规则原文的默认值' }).click();
  await page.getByTestId('reset-defaults-yes').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="setting-meeting_every_months"]').value === '1');
});

appTest('bad settings show the reason beside the field, in the current language, and change nothing', async (app) => {
  const page = await app.gotoApp('#/');
  await setUpUnit(page);
  // A second secretary from the same day: refused beside the term, and the choice goes back.
  await page.getByTestId('term-role').nth(1).selectOption('secretary');
  await page.getByTestId('member-card').nth(1).locator('.term-error').filter({ hasText: '两名在任党组书记' }).waitFor();
  assert.equal(await page.getByTestId('term-role').nth(1).inputValue(), 'member');
  const threshold = page.getByTestId('setting-expenditure_threshold_yuan');
  await commit(threshold, '五万');
  await page.getByText('请输入整数；未修改').waitFor();
  await commit(threshold, '0');
  await page.getByText('应在 1 至 100000000 之间').waitFor();
  assert.equal(await threshold.inputValue(), '0', 'the typed text stays to be corrected');
  await commit(page.getByTestId('unit-name'), ' ');
  await page.locator('.field.has-error').filter({ has: page.getByTestId('unit-name') }).getByText('必填').waitFor();
  // A new member needs a name.
  await page.getByTestId('add-member').click();
  await page.getByText('必填').nth(1).waitFor();
  assert.equal(await page.getByTestId('member-card').count(), MEMBERS.length);
  if (process.env.YISHI_SHOTS) {
    for (const [w, h] of [[390, 844], [768, 1024], [1366, 900]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${process.env.YISHI_SHOTS}/settings-errors-${w}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  // The messages follow the language.
  await page.getByTestId('lang-toggle').click();
  await page.getByText('Must be between 1 and 100000000').waitFor();
  await page.getByText('Two serving secretaries', { exact: false }).first().waitFor();
  await page.getByTestId('lang-toggle').click();
  await app.reload();
  const roles = await page.getByTestId('term-role').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(roles.filter((r) => r === 'secretary').length, 1, 'the second secretary was not saved');
  assert.equal(await page.getByTestId('setting-expenditure_threshold_yuan').inputValue(), '50000');
  assert.equal(await page.getByTestId('unit-name').inputValue(), '昌吉州交通运输局');
  assert.equal(await page.locator('.field-error').count(), 0, 'nothing wrong was saved');
});

appTest('switch to English and back; the choice is remembered', async (app) => {
  const page = await app.gotoApp('#/rules/18');
  await page.getByRole('link', { name: '规则' }).waitFor();
  await page.getByTestId('lang-toggle').click();
  await page.getByRole('link', { name: 'Rules' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await app.reload();
  await page.getByRole('link', { name: 'Rules' }).waitFor();
  await page.getByTestId('lang-toggle').click();
  await page.getByRole('link', { name: '规则' }).waitFor();
  await app.reload();
  await page.getByRole('link', { name: '规则' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
});

appTest('in English: dates read 2026-11-03, duty frequencies and the minutes\' labels are English', async (app) => {
  const page = await app.gotoApp('#/');
  assert.ok(await app.loadExample(), 'example data loaded');
  await app.go('#/meetings');
  const date = page.locator('.meeting-row-date').first();
  assert.match(await date.innerText(), /^\d{4}年\d{1,2}月\d{1,2}日$/);
  await page.getByTestId('lang-toggle').click();
  await page.getByRole('link', { name: 'Rules' }).waitFor();
  assert.match(await date.innerText(), /^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId('meeting-row').first().click();
  assert.match(await page.locator('.meeting-header .meeting-date').innerText(), /^\d{4}-\d{2}-\d{2}$/);
  // The duty register says how often each duty is due in English too (it was 每月至少1次).
  await app.go('#/duties');
  const freqs = await page.locator('.duty-freq').allInnerTexts();
  assert.ok(freqs.length >= 10, `${freqs.length} duties`);
  assert.deepEqual(freqs.filter((f) => /[\u4e00-\u9fff]/.test(f)), []);
  assert.ok(freqs.includes('At least once a month'), freqs.join(' | '));
  // A closed meeting's minutes: attendance labels and item numbers in English.
  await app.go('#/meetings');
  await page.locator('[data-testid="meeting-row"][data-stage="Closed"]').first().click();
  await page.getByTestId('minutes-head').waitFor();
  const head = await page.getByTestId('minutes-head').innerText();
  assert.match(head, /Present: /);
  assert.doesNotMatch(head, /出席|列席|记录/);
  assert.match(await page.locator('[data-testid="minutes-item"] h2').first().innerText(), /^1\. /);
  // The votes' arithmetic, fixed when each vote was closed, in English too.
  await page.getByTestId('minutes-result').first().waitFor();
  const results = await page.getByTestId('minutes-result').allInnerTexts();
  assert.deepEqual(results.filter((r) => /[\u4e00-\u9fff]/.test(r)), []);
  assert.ok(results.some((r) => /\d+ due to attend, .*\((Art\. 18\(\d\))\)/.test(r)), results.join(' | '));
});

appTest('rules screen: deep link to an article, and search highlights matches', async (app) => {
  const page = await app.gotoApp('#/rules/23');
  const focus = page.getByTestId('rule-focus');
  await focus.waitFor();
  assert.match(await focus.innerText(), /民主生活会后15天内/);
  await page.getByTestId('rules-search').fill('三分之二');
  await page.locator('mark', { hasText: '三分之二' }).first().waitFor();
  const visible = await page.locator('.rule-chapter:not(.hidden) .rule-article').count();
  assert.ok(visible >= 1);
  await page.getByTestId('rules-search').fill('不存在的词语');
  await page.getByText('没有找到匹配的条文').waitFor();
});

appTest('load example data from the first-run screen', async (app) => {
  const page = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await page.getByRole('heading', { name: /交通运输局/ }).waitFor();
  await app.reload();
  await page.getByRole('heading', { name: /交通运输局/ }).waitFor();
  assert.equal(await page.getByTestId('welcome').count(), 0);
});

appTest('links open screens at once; back and forward retrace them; a modified click leaves the page', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  // A meeting row (an in-app link) is followed in the click itself: the address and screen change.
  const row = p.locator('[data-testid="meeting-row"][data-stage="Signed"]').first();
  const href = await row.getAttribute('href');
  await row.click();
  await p.locator('[data-testid="meeting-stage"]').waitFor();
  assert.equal(await p.evaluate(() => location.hash), href);
  // Every agenda item of the minutes is shown (the first is drawn at once, the rest right after).
  await p.locator('[data-testid="minutes-item"]').nth(1).waitFor();
  assert.equal(await p.locator('[data-testid="minutes-item"]').count(), 2);
  await p.locator('[data-testid="tab-summary"]').click();
  await p.waitForFunction(() => location.hash.endsWith('/summary'));
  await p.locator('[data-testid="printed-summary"]').waitFor();
  // Back: the minutes, then the list; forward: the minutes again.
  await p.goBack();
  await p.waitForFunction((h) => location.hash === h, href);
  await p.locator('[data-testid="minutes-item"]').first().waitFor();
  await p.goBack();
  await p.waitForFunction(() => location.hash === '#/meetings');
  await p.locator('[data-testid="meeting-row"]').first().waitFor();
  assert.equal(await p.locator('[data-testid="meeting-stage"]').count(), 0, 'the list, not a meeting');
  await p.goForward();
  await p.waitForFunction((h) => location.hash === h, href);
  await p.locator('[data-testid="minutes-item"]').first().waitFor();
  // A reload of the address a link led to shows the same screen.
  await app.reload();
  await p.locator('[data-testid="minutes-item"]').nth(1).waitFor();
  // A search from its form is a new history entry too; back returns to the screen before it.
  await app.go('#/search');
  await p.fill('[data-testid="search-input"]', '党组');
  await p.press('[data-testid="search-input"]', 'Enter');
  await p.waitForFunction(() => location.hash === '#/search?q=' + encodeURIComponent('党组'));
  await p.locator('[data-testid="search-hit"]').first().waitFor();
  await p.goBack();
  await p.waitForFunction(() => location.hash === '#/search');
  assert.equal(await p.locator('[data-testid="search-hit"]').count(), 0);
  // Ctrl+click opens the link elsewhere (a new tab) and leaves this page where it is.
  await app.go('#/meetings');
  const opened = app.context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
  await p.locator('[data-testid="meeting-row"]').first().click({ modifiers: ['Control'] });
  const tab = await opened;
  assert.equal(await p.evaluate(() => location.hash), '#/meetings');
  if (tab) await tab.close();
});
