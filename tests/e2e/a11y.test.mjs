// Accessibility gate: axe-core on every screen with the example data loaded — no
// serious or critical violations — plus a keyboard check that every control can take focus.
import assert from 'node:assert/strict';
import { appTest } from './lib.mjs';
import { SCREENS, recordScreens } from './screens.mjs';

// The example data loaded; every list screen, then each kind of record screen (meetings at three
// stages, the 民主生活会) as hashes.
async function exampleScreens(app) {
  const page = await app.gotoApp('#/');
  assert.ok(await app.loadExample(), 'example data loaded');
  const screens = [...SCREENS, ...(await recordScreens(app, { democraticLife: '2026-01-10' })).map((s) => s.hash)];
  return { page, screens };
}

// Open each screen in turn and run `probe` (a function evaluated in the page, returning a list of
// problem strings); every problem comes back prefixed with its screen.
async function problemsOnScreens(app, screens, probe) {
  const problems = [];
  for (const hash of screens) {
    await app.go(hash);
    for (const p of await app.page.evaluate(probe)) problems.push(`${hash}: ${p}`);
  }
  return problems;
}

appTest('axe: no serious or critical violations on any screen (example data)', async (app) => {
  const { page, screens } = await exampleScreens(app);
  const problems = [];
  for (const hash of screens) {
    await app.go(hash);
    await page.waitForTimeout(100);
    const violations = await app.axe(page, { resultTypes: ['violations'] });
    for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`${hash}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).join(' | ')}`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

appTest('keyboard: every control on every screen can take focus', async (app) => {
  const { page, screens } = await exampleScreens(app);
  const problems = await problemsOnScreens(app, screens, () => {
    const out = [];
    // Anything clickable must be a native control or carry a tabindex.
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [role="button"], [role="tab"], [onclick]')) {
      if (el.disabled || el.closest('[hidden], .hidden')) continue;
      if (el.tabIndex < 0) out.push(`not focusable: ${el.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
  // On a freshly loaded page the first Tab lands on the skip link.
  await app.gotoApp('#/');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.className || '');
  assert.match(first, /skip/, 'the first Tab lands on the skip link');
  // Opening another screen from the keyboard puts the focus on the main region (not lost on
  // the removed link), so the next Tab goes into the new screen's content.
  await app.go('#/meetings');
  const row = page.locator('[data-testid="meeting-row"]').first();
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="meeting-stage"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus on <main> after navigating');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('#main')), 'the next Tab stays in the new screen');
  // Another screen of the same kind (the duty table of another year) keeps the focus on the link.
  await app.go('#/duties');
  const year = page.locator('.duty-yearswitch a').first();
  await year.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.duty-yearswitch')), 'focus stays on the year switch');
  assert.deepEqual(problems, [], problems.join('\n'));
});

// What the screenshots once showed (the English annual report scrolled sideways on a phone: a
// header without a break point squeezed the gaps column): no screen is wider than a phone or a
// portrait tablet, in either language. Scrollers inside a screen (tabs, wide tables in their
// own box) are allowed; the page itself must not scroll sideways.
appTest('layout: no screen scrolls sideways at 390 or 768 px, in Chinese and in English; meeting tabs on one line; titles are not cut off on a tablet', async (app) => {
  const { page, screens } = await exampleScreens(app);
  const problems = [];
  for (const lang of ['zh-CN', 'en']) {
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
      await page.getByTestId('lang-toggle').click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    for (const width of [390, 768]) {
      await page.setViewportSize({ width, height: 900 });
      for (const hash of screens) {
        await app.go(hash);
        const wide = await page.evaluate(() => {
          const over = document.documentElement.scrollWidth - innerWidth;
          if (over <= 0) return null;
          // Name the outermost element that sticks out, to make the failure useful.
          const inScroller = (e) => {
            for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
            return false;
          };
          const el = [...document.querySelectorAll('#main *')].find((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && !inScroller(e));
          return `${over}px too wide${el ? ` (${el.tagName.toLowerCase()}.${el.className})` : ''}`;
        });
        if (wide) problems.push(`${lang} ${width}px ${hash}: ${wide}`);
        // A meeting's four tabs sit on one line, each label on one line ("Live meeting" wrapped
        // onto two at 390 px in English).
        const wrapped = await page.evaluate(() => [...document.querySelectorAll('.meeting-tabs a')].filter((a) => {
          const r = document.createRange();
          r.selectNodeContents(a);
          return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1;
        }).map((a) => a.textContent.trim()));
        if (wrapped.length) problems.push(`${lang} ${width}px ${hash}: meeting tab on two lines: ${wrapped.join(', ')}`);
        // On a tablet a record's title field shows the whole title (a meeting's title was one
        // narrow cell of a three-column grid, its text cut off).
        if (width === 768) {
          const cut = await page.evaluate(() => [...document.querySelectorAll('input[data-testid$="-title"]')]
            .filter((i) => i.value && i.scrollWidth > i.clientWidth + 1).map((i) => `${i.dataset.testid} shows ${i.clientWidth} of ${i.scrollWidth}px`));
          for (const c of cut) problems.push(`${lang} ${width}px ${hash}: ${c}`);
        }
      }
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

// The English UI once showed "Last backup：never", "Deadline：2026-12-08", "Leave：…" and Chinese
// role and status words: English text is not followed by Chinese punctuation on any screen.
// (Records keep their own text, and the printed 纪要 and minutes are Chinese documents.)
appTest('English screens: no Chinese colon or bracket right after English text', async (app) => {
  const { page, screens } = await exampleScreens(app);
  await page.getByTestId('lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const problems = await problemsOnScreens(app, screens, () => {
    // Every text on the page outside the documents, in order: a label and its colon are often
    // neighbouring text nodes, so they are joined before looking.
    const parts = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.parentElement.closest('.official, option, textarea, script, style, noscript')) continue;
      parts.push(n.textContent);
    }
    const text = parts.join('');
    return [...text.matchAll(/[A-Za-z][A-Za-z )]*[：（]/g)].map((m) => text.slice(Math.max(0, m.index - 10), m.index + m[0].length + 12));
  });
  assert.deepEqual([...new Set(problems)], [], problems.join('\n'));
});

// On a touch screen (the meeting-room tablet: `pointer: coarse`) every control is at least 44 px
// tall: buttons, fields, disclosures and links that stand alone (links inside a sentence, a
// table cell or a heading, and the article citations, are text). A checkbox may be smaller when
// its label is the 44 px target. The compact buttons and the duty register's evidence links were
// 37 and 32 px.
appTest('touch: every control is at least 44 px tall on a tablet with a touch screen', async (app) => {
  const { page, screens } = await exampleScreens(app);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await page.setViewportSize({ width: 768, height: 1024 });
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a coarse pointer is emulated');
  const problems = await problemsOnScreens(app, screens, () => {
    const out = [];
    for (const el of document.querySelectorAll('#main button, #main select, #main input:not([type=hidden]), #main summary, #main a[href], header a[href], header button')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (!box.width) continue;
      if (el.matches('input[type=checkbox], input[type=radio]') && (el.closest('label')?.getBoundingClientRect().height ?? 0) >= 44) continue;
      if (el.matches('a') && (el.matches('.article-link') || el.closest('p, li:not(.risk-hint), td, dd, h1, h2, h3, legend, .field-label, .muted, .snippet, .rule-article'))) continue;
      if (box.height < 44) out.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} ${Math.round(box.height)}px "${(el.textContent || '').trim().slice(0, 20)}"`);
    }
    return out;
  });
  assert.deepEqual(problems, [], problems.join('\n'));
});
