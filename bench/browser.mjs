// The browser the benchmarks drive and the baseline they share: headless Debian Chromium with
// one set of flags (a fresh profile per cold load), and the empty TiddlyWiki 5.4.1 whose first
// tiddler anchors the load targets. Used by run.mjs (`./dev bench`) and load-floor.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tools/chromium.mjs';

export { CHROMIUM };

const BENCH = path.dirname(fileURLToPath(import.meta.url));
export const READY_TIMEOUT = 60_000;

/** A browser process on `profile`. */
export async function launch(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1024, height: 768 },
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
}

export function freshProfile() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
}

/** An empty TiddlyWiki 5.4.1 as one HTML file (npm `tiddlywiki`, pinned in package.json),
 *  built once into bench/runs/: the in-run baseline of a mature single-file web app. */
export function ensureTiddlyWiki() {
  const out = path.join(BENCH, 'runs', 'tiddlywiki');
  const file = path.join(out, 'empty.html');
  if (fs.existsSync(file)) return file;
  const tw = path.join(BENCH, 'node_modules', 'tiddlywiki');
  execFileSync(process.execPath, [path.join(tw, 'tiddlywiki.js'), path.join(tw, 'editions', 'empty'), '--output', out, '--render', '[[$:/core/save/all]]', 'empty.html', 'text/plain'], { stdio: 'inherit' });
  return file;
}

/** Cold load of the empty TiddlyWiki: when its first tiddler is in the page (ms after the
 *  page's start), or a string saying why not. */
export async function tiddlyWikiFirst(origin, rate) {
  const prof = freshProfile();
  const ctx = await launch(prof);
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.addInitScript(() => {
      new MutationObserver((_, mo) => {
        if (document.querySelector('.tc-story-river .tc-tiddler-frame')) {
          window.__TW_FIRST__ = performance.now();
          mo.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(origin + '/__bench/tiddlywiki.html', { waitUntil: 'commit' });
    await page.waitForFunction(() => typeof window.__TW_FIRST__ === 'number', null, { timeout: READY_TIMEOUT, polling: 20 });
    return await page.evaluate(() => window.__TW_FIRST__);
  } catch (e) {
    return `n/a (${String(e).slice(0, 60)})`;
  } finally {
    await ctx.close();
    fs.rmSync(prof, { recursive: true, force: true });
  }
}
