// A full Party-group meeting of 7 members, end to end: items scheduled, a meeting
// prepared (leave with a written opinion, late materials), the live screen (recusal, a named
// vote with the chair refused until last, a reload in the middle of voting, a 干部任免 item
// refused for lack of two thirds, a secret ballot as totals), minutes, the 纪要 generated,
// numbered and signed, an edit after signing as an amendment, search, and the stored data
// holding nothing that ties a member to a secret-ballot choice.
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { appTest, painted } from './lib.mjs';

const TODAY = '2026-03-16';
const tid = (id) => `[data-testid="${id}"]`;

async function open(app, hash) {
  const p = app.page;
  await p.goto(`${app.baseUrl.split('#')[0].split('?')[0]}?today=${TODAY}${hash}`);
  await p.waitForFunction(() => typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number');
  return p;
}

/** Decode every localStorage value: plain JSON, or the storage layer's packed deflate
 * (`<byte length>:<chars>`, 15 bits per char from U+4E00, raw deflate). */
function decodeStored(value) {
  const m = /^(\d+):/.exec(value);
  if (!m) return value;
  const len = Number(m[1]);
  const body = value.slice(m[0].length);
  const out = Buffer.alloc(len);
  let acc = 0, bits = 0, n = 0;
  for (const ch of body) {
    const v = ch.codePointAt(0) - 0x4e00;
    if (v < 0 || v > 0x7fff) return value;
    acc = ((acc << 15) | v) >>> 0;
    bits += 15;
    while (bits >= 8) {
      bits -= 8;
      if (n < len) out[n++] = (acc >>> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  try {
    return zlib.inflateRawSync(out).toString('utf8');
  } catch {
    return value;
  }
}

async function newItem(p, title, category) {
  await p.evaluate(() => { location.hash = '#/items/new'; });
  await p.locator(tid('item-title')).fill(title);
  await p.locator(tid('item-create')).click();
  await p.locator(tid('lifecycle')).waitFor();
  await p.locator(tid('item-category')).selectOption(category);
  await p.locator(tid('item-in-charge')).selectOption({ index: 2 });
  await p.locator(tid('item-materials')).fill(`${title}的会议材料：经调查研究，建议提交党组会议研究。`);
  await p.locator(tid('item-materials')).blur();
  // Blocked steps say why, with their article, before the review.
  const blocked = p.locator(`${tid('step-blocked')}[data-to="Scheduled"]`);
  assert.match(await blocked.innerText(), /分管党组成员审核/);
  await p.locator(`${tid('step')}[data-to="Reviewed"]`).click();
  await p.locator(`${tid('step')}[data-to="Scheduled"]`).click();
  assert.equal(await p.locator(tid('item-status')).innerText(), '书记确定上会');
}

async function vote(p, memberName, choice, force = false) {
  // `force`: the chair's buttons are marked aria-disabled while others still have to vote;
  // a tap still reaches the engine, which refuses and says why. The row is brought to the middle
  // of the screen first, clear of the agenda bar pinned to its foot.
  const row = p.locator(tid('vote-row')).filter({ hasText: memberName });
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await p.locator(tid('vote-row')).filter({ hasText: memberName }).locator(tid(`vote-${choice}`)).click({ force });
}

appTest('a full meeting of 7 members: leave, recusal, chair last, ⅔ refusal, secret ballot, 纪要 signed, amendment, search', async (app) => {
  const p = await open(app, '#/');
  assert.ok(await app.loadExample(), 'example data loaded');
  await p.locator('text=王振华').first().waitFor({ timeout: 5000 }).catch(() => {});

  // ---- Items, scheduled by the secretary ------------------------------------------------
  await newItem(p, '关于城区道路养护资金安排的议题', 'Other');
  await newItem(p, '关于任命人事科科长的议题', 'Personnel');
  await newItem(p, '关于推荐优秀共产党员的议题', 'BranchAffairs');

  // ---- Meeting preparation --------------------------------------------------------------
  await p.evaluate(() => { location.hash = '#/meetings/new'; });
  await p.locator(tid('meeting-date')).fill(TODAY);
  await p.locator(tid('create-meeting')).click();
  await p.locator(tid('meeting-place')).waitFor();
  const mid = (await p.evaluate(() => location.hash)).match(/meetings\/(\d+)/)[1];
  await p.locator(tid('meeting-place')).fill('局机关三楼会议室');
  await p.locator(tid('meeting-place')).blur();
  await p.locator(tid('meeting-recorder')).fill('周丽');
  await p.locator(tid('meeting-recorder')).blur();
  for (const t of ['城区道路养护', '推荐优秀共产党员', '任命人事科科长']) {
    await p.locator('.agenda-candidate').filter({ hasText: t }).locator(tid('agenda-add')).click();
  }
  // order with the touch buttons: move 任命 (3rd) up to 2nd
  await p.locator(tid('agenda-up')).nth(2).click();
  const order = await p.locator(`${tid('agenda-row')} .agenda-title`).allInnerTexts();
  assert.deepEqual(order.map((s) => s.slice(2, 6)), ['城区道路', '任命人事', '推荐优秀']);
  // materials handed out on the meeting day: warned
  await p.locator(tid('materials-on')).fill(TODAY);
  await p.locator(tid('materials-on')).blur();
  await p.locator(tid('materials-late')).waitFor();
  // 陈静 asks for leave, with a written opinion on the first item
  const chen = p.locator(tid('leave-row')).filter({ hasText: '陈静' });
  await chen.locator(tid('leave-reason')).fill('赴乌鲁木齐参加培训');
  await chen.locator(tid('leave-ask')).click();
  await chen.locator(tid('opinion')).first().fill('同意养护资金安排，建议优先保障农村公路。');
  await chen.locator(tid('opinion')).first().blur();

  // ---- Live meeting ---------------------------------------------------------------------
  await p.locator(tid('go-live')).click();
  await p.locator(tid('meeting-quorum')).waitFor();
  const mq = p.locator(tid('meeting-quorum'));
  assert.equal(await mq.locator(tid('q-due')).innerText(), '7');
  assert.equal(await mq.locator(tid('q-present')).innerText(), '6');
  assert.equal(await mq.locator(tid('q-needed')).innerText(), '4');
  // Before 宣布开会 there is no note form and no ballot, and each section says why.
  assert.equal(await p.locator(tid('notes-waiting')).innerText(), '宣布开会后记录发言。');
  assert.equal(await p.locator(tid('vote-waiting')).innerText(), '宣布开会后进行表决。');
  assert.equal(await p.locator(tid('note-text')).count(), 0);
  // Before anyone votes: 待表决 and the yes votes needed, never 未通过.
  assert.match(await p.locator(tid('vote-status')).innerText(), /待表决 · 需同意票 ≥ 4/);
  // The "cannot pass" warning follows attendance before 宣布开会: four of seven away.
  assert.equal(await p.locator(tid('pass-impossible')).count(), 0);
  for (const name of ['刘志强', '阿不都热依木', '张海燕']) {
    await p.locator(tid('att-row')).filter({ hasText: name }).locator(tid('att-absent')).click();
  }
  await p.locator(tid('pass-impossible')).waitFor();
  for (const name of ['刘志强', '阿不都热依木', '张海燕']) {
    await p.locator(tid('att-row')).filter({ hasText: name }).locator(tid('att-present')).click();
  }
  assert.equal(await p.locator(tid('pass-impossible')).count(), 0);
  // A recusal can be recorded before 宣布开会.
  await p.locator(tid('recuse')).filter({ hasText: '马晓军' }).click();
  assert.equal(await p.locator(tid('recuse')).filter({ hasText: '马晓军' }).getAttribute('aria-pressed'), 'true');
  // 散会 is not where 宣布开会 was: a double tap opens the meeting and nothing more.
  await p.locator(tid('open-meeting')).dblclick();
  await p.locator(tid('close-meeting')).waitFor();
  assert.equal(await p.locator(tid('meeting-stage')).innerText(), '进行中');
  assert.equal(await p.locator(tid('notes-waiting')).count(), 0, 'open: the form, not the hint');
  assert.equal(await p.locator(tid('vote-waiting')).count(), 0);
  // Opened: attendance folds into one line, the item comes first; 第 1 项 / 共 3 项.
  assert.equal(await p.locator(tid('att-line')).innerText(), '出席 6/7 · 请假 1');
  assert.equal(await p.locator(tid('att-row')).first().isVisible(), false, 'folded');
  assert.equal(await p.locator(tid('item-position')).innerText(), '第 1 项 / 共 3 项');
  // 散会 asks first and lists what is unfinished; cancelling leaves the meeting open.
  await p.locator(tid('close-meeting')).click();
  if (process.env.YISHI_SHOTS) {
    await p.locator(tid('close-confirm')).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${process.env.YISHI_SHOTS}/confirm-close.png` });
  }
  const unfinished = await p.locator(tid('close-confirm-points')).locator('li').allInnerTexts();
  assert.deepEqual(unfinished, ['关于城区道路养护资金安排的议题：未表决', '关于任命人事科科长的议题：未表决', '关于推荐优秀共产党员的议题：未表决']);
  await p.locator(tid('close-confirm-no')).click();
  assert.equal(await p.locator(tid('close-confirm')).count(), 0);
  assert.equal(await p.locator(tid('meeting-stage')).innerText(), '进行中');

  // Item 1: 马晓军 recused (before opening); speaker notes; the written opinion shown, never counted
  const iq = p.locator(tid('item-quorum'));
  assert.equal(await iq.locator(tid('q-due')).innerText(), '6');
  assert.equal(await iq.locator(tid('q-present')).innerText(), '5');
  assert.match(await p.locator(tid('opinions-shown')).innerText(), /优先保障农村公路/);
  await p.locator(tid('note-speaker')).selectOption({ label: '刘志强' });
  await p.locator(tid('note-text')).fill('养护资金应向急需路段倾斜。');
  await p.locator(tid('note-add')).click();
  await p.locator(tid('note-text')).fill('同意，须做好资金监管。');
  await p.locator(tid('note-add')).click();
  assert.equal(await p.locator(`${tid('notes')} li`).count(), 2);
  await p.locator(tid('vote-method')).selectOption('named');
  // the chair first: refused by the engine, its message shown
  await vote(p, '王振华', 'yes', true);
  assert.match(await p.locator(tid('vote-error')).innerText(), /末位表态/);
  assert.equal(await p.locator(`${tid('vote-row')}[data-chair="true"] ${tid('vote-yes')}`).getAttribute('aria-pressed'), 'false');
  await vote(p, '李明远', 'yes');
  // The method is locked once a vote is cast, and the screen says why.
  assert.match(await p.locator(tid('method-locked')).innerText(), /撤回/);
  assert.match(await p.locator(tid('vote-status')).innerText(), /表决中/);
  await vote(p, '张海燕', 'yes');
  // reload in the middle of voting: the screen resumes on the same item with the votes kept
  await app.reload();
  await p.locator(tid('item-panel')).waitFor();
  assert.match(await p.locator(`${tid('item-panel')} h2`).innerText(), /城区道路养护/);
  assert.equal(await p.locator(`${tid('vote-row')}:has(${tid('vote-yes')}[aria-pressed="true"])`).count(), 2);
  await vote(p, '阿不都热依木', 'yes');
  await vote(p, '刘志强', 'no');
  const liu = p.locator(tid('vote-row')).filter({ hasText: '刘志强' });
  await liu.locator(tid('reservation-text')).fill('建议先行测算农村公路缺口');
  // Another member's recusal changes only that member's row: the reservation typed here stays.
  await p.locator(tid('recusal-summary')).click();
  const ma = p.locator(tid('recuse')).filter({ hasText: '马晓军' });
  await ma.click();
  assert.equal(await ma.getAttribute('aria-pressed'), 'false');
  await p.locator(tid('vote-row')).filter({ hasText: '马晓军' }).locator(tid('vote-yes')).waitFor();
  await ma.click();
  assert.equal(await ma.getAttribute('aria-pressed'), 'true');
  assert.equal(await p.locator(tid('vote-row')).filter({ hasText: '马晓军' }).locator(tid('vote-yes')).count(), 0);
  assert.equal(await liu.locator(tid('reservation-text')).inputValue(), '建议先行测算农村公路缺口');
  await p.locator(tid('recusal-summary')).click();
  await liu.locator(tid('reservation-save')).click();
  await liu.locator(tid('reservation-shown')).waitFor();
  await vote(p, '王振华', 'yes');
  await p.locator(tid('close-vote')).click();
  const r1 = p.locator(tid('vote-result'));
  assert.equal(await r1.getAttribute('data-passed'), 'true');
  assert.match(await r1.innerText(), /应到会6人.*赞成4票.*反对1票.*通过/s);
  await p.locator(tid('decision-text')).fill('同意安排城区道路养护资金120万元，由规划建设科组织实施。');
  await p.locator(tid('decision-text')).blur();
  await p.locator(tid('task-title')).fill('组织实施城区道路养护');
  await p.locator(tid('task-member')).selectOption({ label: '刘志强' });
  await p.locator(tid('task-deadline')).fill('2026-06-30');
  await p.locator(tid('task-add')).click();
  assert.match(await p.locator(tid('task-list')).innerText(), /组织实施城区道路养护/);

  // Item 2 (干部任免): two more members leave the room → fewer than two thirds
  await p.locator(tid('next-item')).click();
  await p.locator(`${tid('item-panel')} h2`).filter({ hasText: '任命人事科科长' }).waitFor();
  assert.equal(await p.locator(tid('item-position')).innerText(), '第 2 项 / 共 3 项');
  // The folded attendance opens in place.
  await p.locator(tid('att-summary')).click();
  for (const name of ['刘志强', '阿不都热依木']) {
    await p.locator(tid('att-row')).filter({ hasText: name }).locator(tid('att-absent')).click();
  }
  const iq2 = p.locator(tid('item-quorum'));
  assert.equal(await iq2.getAttribute('data-met'), 'false');
  assert.equal(await iq2.locator(tid('q-needed')).innerText(), '5');
  assert.equal(await iq2.locator(tid('q-present')).innerText(), '4');
  await p.locator(tid('vote-method')).selectOption('hands');
  await vote(p, '李明远', 'yes');
  assert.match(await p.locator(tid('vote-error')).innerText(), /未达到法定人数.*不能表决/);
  await p.locator(tid('record-invalid')).click();
  const r2 = p.locator(tid('vote-result'));
  assert.equal(await r2.getAttribute('data-valid'), 'false');
  assert.match(await r2.innerText(), /表决无效/);
  for (const name of ['刘志强', '阿不都热依木']) {
    await p.locator(tid('att-row')).filter({ hasText: name }).locator(tid('att-present')).click();
  }

  // Item 3: secret ballot, totals only
  await p.locator(tid('next-item')).click();
  await p.locator(`${tid('item-panel')} h2`).filter({ hasText: '推荐优秀共产党员' }).waitFor();
  await p.locator(tid('vote-method')).selectOption('secret');
  await p.locator(tid('tally-yes')).fill('5');
  await p.locator(tid('tally-no')).fill('1');
  // The totals count as typed; one button confirms them and closes the vote.
  assert.equal(await p.locator(tid('tally-count')).innerText(), '已计票数：6 / 可投票人数：6');
  await p.locator(tid('tally-confirm')).click();
  assert.equal(await p.locator(tid('vote-result')).getAttribute('data-passed'), 'true');
  await p.locator(tid('decision-text')).fill('同意推荐张海燕同志为优秀共产党员。');
  await p.locator(tid('decision-text')).blur();
  await p.locator(tid('close-meeting')).click();
  assert.equal(await p.locator(tid('close-confirm-points')).count(), 0, 'nothing unfinished');
  await p.locator(tid('close-confirm-yes')).click();
  await p.locator(`${tid('meeting-stage')}:has-text("已结束")`).waitFor();
  // 恢复会议 until 签发: back to 进行中, then closed again.
  await p.locator(tid('resume-meeting')).click();
  await p.locator(`${tid('meeting-stage')}:has-text("进行中")`).waitFor();
  await p.locator(tid('close-meeting')).click();
  await p.locator(tid('close-confirm-yes')).click();
  await p.locator(`${tid('meeting-stage')}:has-text("已结束")`).waitFor();
  // After 散会 and until 签发 remarks stay editable.
  await p.locator(tid('item-tab')).first().click();
  const firstNote = p.locator(tid('note-edit')).first();
  await firstNote.scrollIntoViewIfNeeded();
  await firstNote.fill('养护资金应向急需路段和农村公路倾斜。');
  await firstNote.blur();

  // ---- Minutes ---------------------------------------------------------------------------
  await p.locator(tid('tab-minutes')).click();
  await painted(p);
  const minutes = await p.locator('.meeting-minutes').innerText();
  assert.match(minutes, /请假：陈静（赴乌鲁木齐参加培训）/);
  assert.match(minutes, /回避：马晓军/);
  assert.match(minutes, /刘志强：反对（声明保留：建议先行测算农村公路缺口）/);
  assert.match(minutes, /无记名投票：同意5票，反对1票/);
  assert.match(minutes, /刘志强：养护资金应向急需路段和农村公路倾斜。/, 'the remark edited after 散会');
  assert.match(await p.locator(tid('minutes-edit-hint')).getAttribute('href'), /\/live$/, 'until 签发 the minutes say where to edit');

  // ---- 纪要: generated, numbered, signed ---------------------------------------------------
  await p.locator(tid('tab-summary')).click();
  await p.locator(tid('summary-generate')).click();
  const number = await p.locator(tid('summary-number')).innerText();
  assert.match(number, /^〔2026〕\d+号$/);
  assert.equal(await p.locator(tid('summary-heading')).innerText(), '中共昌吉回族自治州交通运输局党组会议纪要');
  const text = await p.locator(tid('summary-text')).inputValue();
  // Official prose: 会议 speaks once, no arithmetic or article numbers in the body.
  assert.match(text, /研究三项议题/);
  assert.match(text, /\n会议同意安排城区道路养护资金120万元/);
  assert.doesNotMatch(text, /会议决定：同意|应到会|第十八条/);
  assert.match(text, /表决无效/);
  await p.locator(tid('summary-text')).fill(text + '\n会议要求各科室抓好落实。');
  await p.locator(tid('summary-text')).blur();
  await painted(p);
  // Regenerating asks first and shows the draft it would replace; cancelling keeps it.
  await p.locator(tid('summary-generate')).click();
  if (process.env.YISHI_SHOTS) {
    await p.locator(tid('regenerate-confirm')).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${process.env.YISHI_SHOTS}/confirm-regenerate.png` });
  }
  assert.match(await p.locator(tid('regenerate-old')).innerText(), /各科室抓好落实/);
  await p.locator(tid('regenerate-confirm-no')).click();
  assert.match(await p.locator(tid('summary-text')).inputValue(), /各科室抓好落实/);
  // Confirmed, the manual edit goes, and one step brings it back.
  await p.locator(tid('summary-generate')).click();
  await p.locator(tid('regenerate-confirm-yes')).click();
  await p.waitForFunction(() => !document.querySelector('[data-testid="summary-text"]').value.includes('各科室抓好落实'));
  await p.locator(tid('summary-undo')).click();
  await p.waitForFunction(() => document.querySelector('[data-testid="summary-text"]').value.includes('各科室抓好落实'));
  // 签发 shows the 纪要 as it will be signed and the undecided item; cancelling signs nothing.
  await p.locator(tid('summary-sign')).click();
  if (process.env.YISHI_SHOTS) {
    await p.locator(tid('sign-confirm')).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${process.env.YISHI_SHOTS}/confirm-sign.png` });
  }
  assert.match(await p.locator(tid('sign-preview')).innerText(), /各科室抓好落实/);
  assert.deepEqual(await p.locator(tid('sign-confirm-points')).locator('li').allInnerTexts(), ['关于任命人事科科长的议题：未形成有效决定']);
  await p.locator(tid('sign-confirm-no')).click();
  assert.equal(await p.locator(tid('meeting-stage')).innerText(), '已结束');
  assert.equal(await p.locator(tid('summary-text')).count(), 1, 'still a draft');
  await p.locator(tid('summary-sign')).click();
  await p.locator(tid('sign-confirm-yes')).click();
  assert.match(await p.locator(tid('signed-line')).innerText(), /王振华/);
  assert.equal(await p.locator(tid('summary-text')).count(), 0, 'signed: no more direct edits');
  await painted(p);
  assert.match(await p.locator(tid('printed-summary')).innerText(), /各科室抓好落实/);

  // ---- An edit after signing is an amendment ----------------------------------------------
  await p.locator(tid('tab-minutes')).click();
  await p.locator(tid('amend-target')).selectOption({ label: '决定事项：关于城区道路养护资金安排的议题' });
  await p.locator(tid('amend-by')).fill('周丽');
  await p.locator(tid('amend-text')).fill('同意安排城区道路养护资金125万元，由规划建设科组织实施。');
  await p.locator(tid('amend-add')).click();
  assert.match(await p.locator(tid('amend-error')).innerText(), /理由/, 'a reason is required');
  await p.locator(tid('amend-reason')).fill('会后核对预算，金额笔误');
  await p.locator(tid('amend-add')).click();
  await p.locator(tid('amendment')).first().waitFor();
  await painted(p);
  assert.match(await p.locator(tid('amendment')).first().innerText(), /周丽 · 决定事项：关于城区道路养护资金安排的议题 · 理由：会后核对预算，金额笔误/);
  // The decision stays as signed; the amendment follows it with who, when, why and what.
  assert.match(await p.locator(tid('minutes-decision')).first().innerText(), /120万元/);
  assert.doesNotMatch(await p.locator(tid('minutes-decision')).first().innerText(), /125万元/);
  assert.match(await p.locator(tid('decision-amendments')).first().innerText(), /更正 \d{4}-\d\d-\d\d \d\d:\d\d 周丽（理由：会后核对预算，金额笔误）：同意安排城区道路养护资金125万元/);
  assert.equal(await p.locator(tid('amend-by')).inputValue(), '周丽', '更正人 stays filled');
  assert.equal(await p.locator(tid('minutes-edit-hint')).count(), 0, 'signed: no more edits');
  if (process.env.YISHI_SHOTS) {
    await p.locator(tid('decision-amendments')).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${process.env.YISHI_SHOTS}/minutes-amended.png` });
  }

  // The printed 纪要 is the signed text with an amendment annex after it.
  await p.locator(tid('tab-summary')).click();
  await painted(p);
  const printed = await p.locator(tid('printed-summary')).innerText();
  assert.match(printed, /会议同意安排城区道路养护资金120万元/);
  if (process.env.YISHI_SHOTS) {
    await p.locator(tid('amendment-annex')).scrollIntoViewIfNeeded();
    await p.screenshot({ path: `${process.env.YISHI_SHOTS}/summary-annex.png` });
  }
  assert.match(await p.locator(tid('amendment-annex')).innerText(), /附：更正记录[\s\S]*周丽更正“关于城区道路养护资金安排”决定事项为：同意安排城区道路养护资金125万元，由规划建设科组织实施。更正理由：会后核对预算，金额笔误。/);
  await p.locator(tid('tab-minutes')).click();
  await p.locator(tid('amendment')).first().waitFor();
  // In English the amendment's labels are English (they were 决定事项 and 理由); the record
  // itself (title, reason, text) stays as written.
  await p.getByTestId('lang-toggle').click();
  await p.getByRole('link', { name: 'Rules' }).waitFor();
  assert.match(await p.locator(tid('amendment')).first().innerText(), /周丽 · Decision: 关于城区道路养护资金安排的议题 · reason: 会后核对预算，金额笔误/);
  const targets = await p.locator(`${tid('amend-target')} option`).allInnerTexts();
  assert.deepEqual(targets.slice(0, 2), ['Summary text', 'Attendance']);
  assert.ok(targets.includes('Discussion: 关于城区道路养护资金安排的议题'), targets.join(' | '));
  await p.getByTestId('lang-toggle').click();
  await p.getByRole('link', { name: '规则' }).waitFor();

  // ---- Search finds the decision ----------------------------------------------------------
  await p.evaluate(() => { location.hash = '#/search?q=' + encodeURIComponent('优秀共产党员 张海燕'); });
  await p.locator(`${tid('search-hit')}[data-kind="Decision"]`).first().waitFor();
  // Both words are highlighted where they occur in the hit (and nothing else is).
  const marks = await p.locator(`${tid('search-hit')}[data-kind="Decision"]`).first().locator('mark').allInnerTexts();
  assert.deepEqual([...new Set(marks)].sort(), ['优秀共产党员', '张海燕'].sort(), `highlighted: ${marks.join(' | ')}`);
  await p.locator(`${tid('search-hit')}[data-kind="Decision"]`).first().click();
  await p.waitForFunction(() => /#\/meetings\/\d+\/minutes$/.test(location.hash));
  // Before a search nothing is counted; a search without hits says so.
  await p.evaluate(() => { location.hash = '#/search'; });
  await p.locator(tid('search-input')).waitFor();
  assert.equal(await p.locator(tid('search-count')).count(), 0, 'no count before a search');
  await p.evaluate(() => { location.hash = '#/search?q=' + encodeURIComponent('不存在的词语甲乙丙'); });
  await p.locator(tid('search-count')).waitFor();
  assert.match(await p.locator(tid('search-count')).innerText(), /^0 /);
  assert.equal(await p.locator(tid('search-hit')).count(), 0);
  assert.equal(await p.locator(tid('search-results')).isVisible(), false, 'no empty result box');

  // ---- Nothing in storage ties a member to a secret-ballot choice -------------------------
  const raw = await p.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
  const texts = raw.map(([, v]) => decodeStored(v));
  const meetings = [];
  for (const t of texts) {
    try {
      const walk = (o) => {
        if (o && typeof o === 'object') {
          if (Array.isArray(o.items) && Array.isArray(o.attendance) && o.date) meetings.push(o);
          for (const v of Object.values(o)) walk(v);
        }
      };
      walk(JSON.parse(t));
    } catch { /* not JSON */ }
  }
  assert.ok(meetings.length > 0, `the stored data was read (${raw.length} keys)`);
  const ours = meetings.filter((m) => m.date === TODAY && m.items.length === 3);
  assert.ok(ours.length >= 1, 'our meeting is stored');
  for (const m of ours) {
    const secret = m.items.filter((r) => r.ballot && r.ballot.Secret);
    assert.equal(secret.length, 1, 'one secret ballot');
    const rec = secret[0];
    assert.deepEqual(Object.keys(rec.ballot), ['Secret']);
    assert.deepEqual(Object.keys(rec.ballot.Secret).sort(), ['abstain', 'invalid', 'no', 'yes']);
    assert.ok(!JSON.stringify(rec).includes('"member"'), 'no member id in the secret ballot record');
  }

  // ---- Optional: screenshots of every screen at three sizes (YISHI_SHOTS=1) ------------------
  if (process.env.YISHI_SHOTS) {
    const screens = { list: '#/meetings', prepare: `#/meetings/${mid}`, live: `#/meetings/${mid}/live`, minutes: `#/meetings/${mid}/minutes`,
      summary: `#/meetings/${mid}/summary`, items: '#/items', search: '#/search?q=' + encodeURIComponent('养护'), settings: '#/settings', home: '#/' };
    for (const [w, h] of [[390, 844], [768, 1024], [1024, 768], [1366, 900]]) {
      await p.setViewportSize({ width: w, height: h });
      for (const [name, hash] of Object.entries(screens)) {
        await p.evaluate((x) => { location.hash = x; }, hash);
        await p.waitForTimeout(300);
        await p.screenshot({ path: `${process.env.YISHI_SHOTS}/${name}-${w}x${h}.png` });
      }
    }
    // the 纪要 as printed (A4, the print stylesheet), like chromium --print-to-pdf
    await p.setViewportSize({ width: 1024, height: 768 });
    await p.evaluate((x) => { location.hash = x; }, screens.summary);
    await p.waitForTimeout(300);
    await p.pdf({ path: `${process.env.YISHI_SHOTS}/summary.pdf`, preferCSSPageSize: true, printBackground: true });
    // a live screen of a meeting in progress, on an item with an open vote
    await p.evaluate(() => { location.hash = '#/meetings/new'; });
    await p.locator(tid('create-meeting')).click();
    await p.locator(tid('meeting-place')).waitFor();
    await p.locator(tid('go-live')).click();
    await p.locator(tid('open-meeting')).click();
    for (const [w, h] of [[390, 844], [768, 1024], [1024, 768]]) {
      await p.setViewportSize({ width: w, height: h });
      await p.waitForTimeout(200);
      await p.screenshot({ path: `${process.env.YISHI_SHOTS}/live-open-${w}x${h}.png` });
    }
  }
});

appTest('a planned meeting’s roster follows 设置 until 宣布开会, then stays as recorded', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  const planned = (await p.locator('[data-testid="meeting-row"][data-stage="Planned"]').first().getAttribute('href')).replace(/\/(minutes|summary)$/, '');
  await app.go(`${planned}/live`);
  await p.locator(tid('meeting-quorum')).waitFor();
  const rows = await p.locator(tid('att-row')).count();
  const due = Number(await p.locator(`${tid('meeting-quorum')} ${tid('q-due')}`).innerText());
  // A member joins in 设置 (serving from today, before the meeting's date): saved at once,
  // with no 保存 to press.
  await app.go('#/settings');
  await p.getByTestId('new-member-name').fill('新任成员');
  await p.getByTestId('add-member').click();
  await p.waitForFunction(() => [...document.querySelectorAll('[data-testid="member-name"]')].some((e) => e.value === '新任成员'));
  await app.go(`${planned}/live`);
  await p.locator(tid('att-row')).filter({ hasText: '新任成员' }).waitFor();
  assert.equal(await p.locator(tid('att-row')).count(), rows + 1);
  assert.equal(Number(await p.locator(`${tid('meeting-quorum')} ${tid('q-due')}`).innerText()), due + 1, '应到会 counts the new member');
  // Opened, the roster is the record: a member added afterwards is not on it.
  await p.locator(tid('open-meeting')).click();
  await p.locator(tid('close-meeting')).waitFor();
  await app.go('#/settings');
  await p.getByTestId('new-member-name').fill('后来成员');
  await p.getByTestId('add-member').click();
  await p.waitForFunction(() => [...document.querySelectorAll('[data-testid="member-name"]')].some((e) => e.value === '后来成员'));
  await app.go(`${planned}/live`);
  await p.locator(tid('att-summary')).click();
  assert.equal(await p.locator(tid('att-row')).count(), rows + 1);
  assert.equal(await p.locator(tid('att-row')).filter({ hasText: '后来成员' }).count(), 0);
});

appTest('a layout check: after 宣布开会 at 768×1024 the current item’s title and vote buttons are in the first viewport', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  const planned = (await p.locator('[data-testid="meeting-row"][data-stage="Planned"]').first().getAttribute('href')).replace(/\/(minutes|summary)$/, '');
  await app.go(`${planned}/live`);
  await p.locator(tid('open-meeting')).click();
  await p.locator(tid('vote-method')).selectOption('hands');
  for (const [w, h] of [[768, 1024], [1024, 768], [390, 844], [1366, 768]]) {
    await p.setViewportSize({ width: w, height: h });
    await p.evaluate(() => window.scrollTo(0, 0));
    await painted(p);
    if (process.env.YISHI_SHOTS) await p.screenshot({ path: `${process.env.YISHI_SHOTS}/live-opened-${w}x${h}.png` });
    const inView = (sel) => p.locator(sel).first().evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
    if (w === 768) {
      assert.ok(await inView(`${tid('item-panel')} h2`), 'the item title in the first viewport');
      assert.ok(await inView(tid('vote-yes')), 'a vote button in the first viewport');
    }
    // The position bar with previous/next is on screen at every size.
    assert.ok(await inView(tid('item-bar')), `${w}x${h}: 第 N 项 / 共 M 项 is on screen`);
  }
});

appTest('when no item is ready for the agenda, the agenda says which are close and what each needs', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings/new');
  await p.locator(tid('create-meeting')).click();
  await p.locator(tid('meeting-place')).waitFor();
  const close = p.locator(tid('nearly-ready-item'));
  await close.first().waitFor();
  const texts = await close.allInnerTexts();
  assert.ok(texts.includes('关于修订局机关差旅费和公务接待管理办法的议题 — 待书记确定上会'), texts.join(' | '));
  assert.ok(texts.some((t) => /关于申报智慧交通试点项目的议题 — .*待分管党组成员审核/.test(t)), texts.join(' | '));
  assert.match(await close.first().locator('a').getAttribute('href'), /^#\/items\/\d+$/);
});

appTest('an agenda without items says so; one with items does not', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  const study = await p.locator('[data-testid="meeting-row"]', { hasText: '中心组' }).first().getAttribute('href');
  const planned = await p.locator('[data-testid="meeting-row"][data-stage="Planned"]').first().getAttribute('href');
  await app.go(study.replace(/\/minutes$/, ''));
  assert.equal(await p.locator('[data-testid="agenda-row"]').count(), 0);
  assert.equal(await p.locator('[data-testid="agenda-empty"]').innerText(), '本次会议议程中没有议题。');
  await app.go(planned);
  await p.locator('[data-testid="agenda-row"]').first().waitFor();
  assert.equal(await p.locator('[data-testid="agenda-empty"]').count(), 0);
});

appTest('after a meeting, an item without remarks or a vote result says so; one with them does not', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  const signed = await p.locator('[data-testid="meeting-row"][data-stage="Signed"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  let hints = 0;
  let results = 0;
  for (const href of signed) {
    await app.go(href.replace(/\/minutes$/, '').replace(/\/summary$/, '') + '/live');
    const tabs = p.locator(tid('item-tab'));
    await tabs.first().waitFor();
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await p.waitForFunction((n) => document.querySelectorAll('[data-testid="item-tab"]')[n].getAttribute('aria-pressed') === 'true', i);
      await painted(p);
      const voted = await p.locator(tid('vote-result')).count();
      const hint = p.locator(tid('vote-waiting'));
      if (voted) {
        assert.equal(await hint.count(), 0, `${href} item ${i}: a result and no hint`);
        results++;
      } else {
        assert.equal(await hint.innerText(), '本议题无表决结果。', `${href} item ${i}`);
        hints++;
      }
      const spoken = await p.locator(`${tid('notes')} li`).count();
      assert.equal(await p.locator(tid('notes-waiting')).count(), spoken ? 0 : 1, `${href} item ${i}: notes ${spoken}`);
      if (!spoken) assert.equal(await p.locator(tid('notes-waiting')).innerText(), '未记录发言。');
    }
  }
  // The example data has both kinds, so each branch above was taken.
  assert.ok(hints > 0 && results > 0, `items with a hint ${hints}, with a result ${results}`);

  // A meeting ended with nothing said on its first item and its ballot left unfinished.
  const planned = await (async () => { await app.go('#/meetings'); return p.locator('[data-testid="meeting-row"][data-stage="Planned"]').first().getAttribute('href'); })();
  await app.go(planned.replace(/\/(minutes|summary)$/, '') + '/live');
  await p.locator(tid('open-meeting')).click();
  await p.locator(tid('vote-method')).selectOption('named');
  await vote(p, '李明远', 'yes');
  await p.locator(tid('close-meeting')).click();
  assert.match(await p.locator(tid('close-confirm-points')).innerText(), /表决未结束/, 'the open vote is listed');
  await p.locator(tid('close-confirm-yes')).click();
  await p.locator(`${tid('meeting-stage')}:has-text("已结束")`).waitFor();
  await p.locator(tid('item-tab')).first().click();
  assert.equal(await p.locator(tid('notes-waiting')).innerText(), '未记录发言。');
  assert.equal(await p.locator(tid('vote-waiting')).innerText(), '本议题无表决结果。');
});

appTest('the live screen marks the agenda item on screen', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample());
  await app.go('#/meetings');
  const closed = await p.locator('[data-testid="meeting-row"][data-stage="Closed"]', { hasNotText: '中心组' }).first().getAttribute('href');
  await app.go(closed.replace(/\/minutes$/, '/live'));
  const tabs = p.locator('[data-testid="item-tab"]');
  assert.ok((await tabs.count()) >= 2);
  const look = (i) => tabs.nth(i).evaluate((el) => { const c = getComputedStyle(el); return `${el.getAttribute('aria-pressed')} ${c.backgroundColor} ${c.fontWeight} ${c.boxShadow}`; });
  await tabs.nth(1).click();
  await p.waitForFunction(() => document.querySelectorAll('[data-testid="item-tab"]')[1].getAttribute('aria-pressed') === 'true');
  const [first, second] = [await look(0), await look(1)];
  assert.match(second, /^true /);
  assert.match(first, /^false /);
  assert.notEqual(second.slice(5), first.slice(6), `the current tab looks different: ${second} / ${first}`);
});
