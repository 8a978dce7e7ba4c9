// `./dev screenshots`: PNGs of every screen at four viewport sizes, Chinese UI with example
// data, into ./screenshots/<viewport>_<screen>.png. The list screens are tests/e2e/screens.mjs's
// SCREENS; the screens of one record (a planned, a closed and a signed meeting on each of their
// screens, the central study meeting, an item, a task, a search with results, an unknown
// address and a 民主生活会) are found by its recordScreens(). Needs dist/ (./dev dist).
import { openApp } from '../tests/e2e/lib.mjs';
import { SCREENS, VIEWPORTS, recordScreens, routeName } from '../tests/e2e/screens.mjs';

const app = await openApp({ serviceWorkers: 'block' });
let failed = 0;
let written = 0;
try {
  await app.gotoApp('#/');
  const loaded = await app.loadExample();
  console.log(loaded ? 'example data loaded' : 'no [data-testid="load-example"] button: using the data as it is');
  // The 民主生活会 is registered in January of today's year (a record added to the example).
  const year = await app.page.evaluate(() => new Date().getFullYear());
  const screens = [
    ...SCREENS.map((hash) => ({ name: routeName(hash), hash })),
    ...(await recordScreens(app, { democraticLife: `${year}-01-10` })),
  ];
  for (const vp of VIEWPORTS) {
    await app.page.setViewportSize({ width: vp.width, height: vp.height });
    for (const { name, hash } of screens) {
      try {
        await app.gotoApp(hash);
        const file = await app.screenshot(`${vp.name}-${vp.width}x${vp.height}_${name}`);
        written++;
        console.log(`  ${file.replace(process.cwd() + '/', '')}`);
      } catch (err) {
        failed++;
        console.error(`  FAILED ${vp.name} ${hash}: ${err.message.split('\n')[0]}`);
      }
    }
  }
  const problems = [...app.consoleErrors, ...app.pageErrors, ...app.foreignRequests().map((u) => `foreign request ${u}`)];
  for (const p of problems) console.error(`  problem: ${p}`);
  console.log(`${written} screenshots written to screenshots/, ${failed} failed, ${problems.length} console/request problems`);
  if (failed || problems.length) process.exitCode = 1;
} catch (err) {
  console.error(`screenshots: ${err.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await app.close();
}
