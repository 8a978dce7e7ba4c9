import assert from 'node:assert/strict';
import { appTest } from './lib.mjs';
appTest('archive 2025 of the example data (shots)', async (app) => {
  const page = app.page;
  await page.goto(app.baseUrl.split('#')[0].replace(/\?.*$/, '') + '?today=2026-01-20#/');
  await page.waitForFunction(() => typeof window.__YISHI_LOADED__ === 'number');
  await app.loadExample();
  await app.go('#/data');
  const years = await page.locator('[data-testid="archive-year"] option').allInnerTexts();
  console.log('years', years);
  await page.getByTestId('archive-year').selectOption('2025');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('archive-export').click()]);
  console.log('msg', await page.getByTestId('archive-msg').innerText());
  console.log('kept', await page.locator('[data-testid="archive-kept"]').innerText().catch(() => 'none'));
  const before = await page.getByTestId('usage-text').innerText();
  await page.getByTestId('archive-remove').click();
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => scrollTo(0, 0));
    await app.screenshot(`data-archive-${width}`);
  }
  await page.getByTestId('archive-remove-confirm').click();
  await page.waitForFunction(() => /已从浏览器移除/.test(document.querySelector('[data-testid="archive-msg"]')?.textContent || ''));
  console.log('removed', await page.getByTestId('archive-msg').innerText());
  console.log('usage', before, '→', await page.getByTestId('usage-text').innerText());
  await page.setViewportSize({ width: 390, height: 900 });
  await app.screenshot('data-archive-done-390');
});
