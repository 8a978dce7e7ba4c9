// `./dev screenshots`: PNGs of every screen (tests/e2e/screens.mjs) at four viewport sizes,
// Chinese UI with example data, into ./screenshots/<viewport>_<route>.png. Needs dist/ (./dev dist).
import { openApp } from '../tests/e2e/lib.mjs';
import { SCREENS, VIEWPORTS } from '../tests/e2e/screens.mjs';

const routeName = (hash) => hash.replace(/^#\/?/, '').replace(/\//g, '-') || 'home';

const app = await openApp({ serviceWorkers: 'block' });
let failed = 0;
try {
  await app.gotoApp('#/');
  const loaded = await app.loadExample();
  console.log(loaded ? 'example data loaded' : 'no [data-testid="load-example"] button: using the data as it is');
  for (const vp of VIEWPORTS) {
    await app.page.setViewportSize({ width: vp.width, height: vp.height });
    for (const hash of SCREENS) {
      try {
        await app.gotoApp(hash);
        const file = await app.screenshot(`${vp.name}-${vp.width}x${vp.height}_${routeName(hash)}`);
        console.log(`  ${file.replace(process.cwd() + '/', '')}`);
      } catch (err) {
        failed++;
        console.error(`  FAILED ${vp.name} ${hash}: ${err.message.split('\n')[0]}`);
      }
    }
  }
  const problems = [...app.consoleErrors, ...app.pageErrors, ...app.foreignRequests().map((u) => `foreign request ${u}`)];
  for (const p of problems) console.error(`  problem: ${p}`);
  console.log(`${SCREENS.length * VIEWPORTS.length - failed} screenshots written to screenshots/, ${failed} failed, ${problems.length} console/request problems`);
  if (failed || problems.length) process.exitCode = 1;
} finally {
  await app.close();
}
