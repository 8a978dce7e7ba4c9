// An agenda item's screen: a blocked lifecycle step says why and offers its fix in the same row
// (the member in charge, the materials, the review first, the 第十七条 preparation), and the fix
// unblocks the step.
import assert from 'node:assert/strict';
import { appTest, painted } from './lib.mjs';

const tid = (id) => `[data-testid="${id}"]`;

/** The blocked step towards `to`: its reason and its fix, and whether both sit in that step's
 *  row (the same container in the DOM, on the same band of the screen). */
async function blockedStep(p, to) {
  const row = p.locator(`${tid('step-blocked')}[data-to="${to}"]`);
  await row.waitFor();
  return row.evaluate((el) => {
    const reason = el.querySelector('[data-testid="step-reason"]');
    const fix = el.querySelector('[data-testid="step-fix"]');
    const r = reason?.getBoundingClientRect();
    const f = fix?.getBoundingClientRect();
    return {
      reason: reason?.textContent ?? null,
      fix: fix ? (fix.querySelector('legend, .field-label')?.textContent ?? fix.textContent.trim()) : null,
      together: !!(reason && fix && reason.closest('[data-testid="step-blocked"]') === fix.closest('[data-testid="step-blocked"]')),
      gap: r && f ? Math.max(0, f.top - r.bottom, r.top - f.bottom) : null,
    };
  });
}

appTest('a blocked step and its fix sit together, and the fix unblocks it', async (app) => {
  const p = await app.gotoApp('#/');
  assert.ok(await app.loadExample(), 'example data loaded');
  await app.go('#/items/new');
  await p.locator(tid('item-title')).fill('关于修订公路养护管理办法的议题');
  await p.locator(tid('item-create')).click();
  await p.locator(tid('lifecycle')).waitFor();

  // No member in charge: the choice is in the step's row.
  let s = await blockedStep(p, 'Reviewed');
  assert.match(s.reason, /尚未指定分管党组成员/);
  assert.equal(s.fix, '指定分管审核党组成员');
  assert.ok(s.together && s.gap < 60, JSON.stringify(s));
  if (process.env.YISHI_SHOTS) {
    for (const [w, h] of [[390, 844], [768, 1024], [1366, 900]]) {
      await p.setViewportSize({ width: w, height: h });
      await p.locator(tid('lifecycle')).screenshot({ path: `${process.env.YISHI_SHOTS}/item-blocked-${w}.png` });
    }
  }
  await p.locator(`${tid('step-blocked')}[data-to="Reviewed"] ${tid('step-fix')} select`).selectOption({ index: 1 });
  await painted(p);

  // No materials: the button in the row takes the cursor to them.
  s = await blockedStep(p, 'Reviewed');
  assert.match(s.reason, /尚无会议材料/);
  assert.equal(s.fix, '填写会议材料');
  assert.ok(s.together && s.gap < 60, JSON.stringify(s));
  await p.locator(`${tid('step-blocked')}[data-to="Reviewed"] ${tid('step-fix')}`).click();
  assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'item-materials');
  await p.keyboard.type('养护管理办法修订稿及起草说明。');
  await p.locator(tid('item-materials')).blur();
  await painted(p);
  await p.locator(`${tid('step')}[data-to="Reviewed"]`).waitFor();

  // Not reviewed yet: the review is offered next to the refusal to schedule.
  s = await blockedStep(p, 'Scheduled');
  assert.match(s.reason, /须先经分管党组成员审核/);
  assert.equal(s.fix, '先完成分管审核');
  assert.ok(s.together, JSON.stringify(s));
  await p.locator(`${tid('step-blocked')}[data-to="Scheduled"] ${tid('step-fix')}`).click();
  await p.locator(tid('item-status')).filter({ hasText: '分管审核' }).waitFor();

  // A major decision without its 第十七条 preparation: the missing steps are ticked in the row.
  await p.locator(tid('item-category')).selectOption('Reform');
  await painted(p);
  s = await blockedStep(p, 'Scheduled');
  assert.match(s.reason, /重大决策尚未完成：调查研究、征求意见、风险评估、合法合规性审查/);
  assert.equal(s.fix, '补充完成');
  assert.ok(s.together && s.gap < 60, JSON.stringify(s));
  const boxes = p.locator(`${tid('step-blocked')}[data-to="Scheduled"] ${tid('step-fix')} input[type="checkbox"]`);
  assert.equal(await boxes.count(), 4);
  for (let i = 0; i < 4; i++) {
    await boxes.first().click();
    await painted(p);
  }
  await p.locator(`${tid('step')}[data-to="Scheduled"]`).click();
  assert.equal(await p.locator(tid('item-status')).innerText(), '书记确定上会');
  // The form below agrees: all four are ticked there too.
  for (const id of ['chk-research', 'chk-consultation', 'chk-risk', 'chk-legality']) {
    assert.ok(await p.locator(tid(id)).isChecked(), id);
  }
});
