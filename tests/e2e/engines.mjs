// One small driver API over three browser engines, so that a journey is written once and runs in
// each: Chromium (Debian `chromium`, playwright-core, as lib.mjs), Firefox ESR (Debian
// `firefox-esr`, puppeteer-core over WebDriver BiDi) and WebKitGTK (Debian `webkit2gtk-driver`:
// `WebKitWebDriver` under `xvfb-run` drives `MiniBrowser --automation`, spoken to here as a
// plain W3C WebDriver client over fetch). None of them downloads a browser.
//
// ---- API -------------------------------------------------------------------------------
// ENGINES                          The engines to run: YISHI_ENGINES=chromium,firefox,webkit
//                                  (the default is all three).
// launch(engine, opts?) -> browser A fresh, private profile. opts: { viewport: {width,height} }.
// browser.tab                      Its first tab.
// browser.newTab() -> tab          Another tab in the same profile (same localStorage).
// browser.errors                   Uncaught page errors and console errors, from every tab
//                                  (Chromium and Firefox; WebDriver classic has no log in WebKit).
// browser.close()                  Ends the browser and removes the profile.
//
// tab.goto(url)                    Loads `url`; a URL that differs only in its hash is loaded
//                                  for real (through about:blank), as a cold start.
// tab.url() / tab.reload()
// tab.ready()                      Waits for the app: __YISHI_READY__ (first screen) and
//                                  __YISHI_LOADED__ (every record read).
// tab.go(hash)                     In-app navigation (location.hash), then two frames.
// tab.evaluate(fn, arg?)          Runs `fn(arg)` (async allowed) in the page; arg and result are JSON.
// tab.waitFor(fn, arg?, opts?)     Polls `fn(arg)` in the page until truthy; returns its value.
// tab.waitForSelector(sel, opts?)  Until `sel` is in the page and shown ({ state: 'hidden' }:
//                                  until it is gone or hidden).
// tab.click(sel)                   A real click (the engine's input events) on the first match.
// tab.fill(sel, value)             Types `value` into an input or textarea (dates: set directly).
// tab.blur(sel)                    Leaves the field (its `change` fires: the app saves then).
// tab.select(sel, value)           Chooses the <option> with that value.
// tab.setFiles(sel, file)          Puts a file into an <input type=file>.
// tab.text(sel) / tab.count(sel)   innerText of the first match ('' if none) / number of matches.
// tab.download(sel) -> {name,text} Clicks `sel` and waits for the file the page downloads.
// tab.screenshot(file)             A PNG of the viewport.
// tab.close()
//
// tid('x') is the selector [data-testid="x"].
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { launchBrowser } from './lib.mjs';

export const ENGINES = (process.env.YISHI_ENGINES || 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
/** MiniBrowser, the WebKitGTK browser that WebKitWebDriver starts (in libwebkit2gtk's folder). */
export const MINIBROWSER = process.env.MINIBROWSER_PATH || [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
].find((p) => fs.existsSync(p)) || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const tid = (id) => `[data-testid="${id}"]`;
const TIMEOUT = Number(process.env.YISHI_STEP_TIMEOUT_MS || 15000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DEFAULT_VIEWPORT = { width: 1366, height: 900 };

/** The shared part of every tab: waits, built on `evaluate`. */
class BaseTab {
  async ready(timeout = 30000) {
    await this.waitFor(() => typeof window.__YISHI_READY__ === 'number' && typeof window.__YISHI_LOADED__ === 'number', null, { timeout });
  }
  async go(hash) {
    await this.evaluate((h) => { location.hash = h; }, hash);
    // Two frames; a background tab draws none (WebKitGTK's, as WebDriver cannot bring it to the
    // front), so at most a moment: the journeys' own waits poll for what they need.
    await this.evaluate(() => new Promise((r) => { requestAnimationFrame(() => requestAnimationFrame(r)); setTimeout(r, 250); }));
  }
  async waitFor(fn, arg = null, { timeout = TIMEOUT, what } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
        if (last) return last;
      } catch (e) {
        // A navigation in progress destroys the context the function ran in: try again.
        last = e;
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what || fn.toString().slice(0, 160)}${last instanceof Error ? ` (${last.message})` : ''}`);
      await sleep(100);
    }
  }
  async waitForSelector(sel, { timeout = TIMEOUT, state = 'visible' } = {}) {
    const check = ([s, st]) => {
      const el = document.querySelector(s);
      const shown = !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      return st === 'hidden' ? !shown : shown;
    };
    await this.waitFor(check, [sel, state], { timeout, what: `${sel} ${state}` });
  }
  async blur(sel) {
    await this.evaluate((s) => document.querySelector(s).blur(), sel);
  }
  async text(sel) {
    return this.evaluate((s) => (document.querySelector(s) ? document.querySelector(s).innerText : ''), sel);
  }
  async count(sel) {
    return this.evaluate((s) => document.querySelectorAll(s).length, sel);
  }
  url() {
    return this.evaluate(() => location.href);
  }
  /** Sets the value of a date (or other non-text) input as a picker would: value, input, change. */
  async setValue(sel, value) {
    await this.evaluate(([s, v]) => {
      const el = document.querySelector(s);
      const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, [sel, value]);
  }
  async isTypable(sel) {
    return this.evaluate((s) => {
      const el = document.querySelector(s);
      return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', 'password', 'email', 'url', 'tel', 'number', ''].includes(el.type));
    }, sel);
  }
}

/** A fresh download folder, watched for the next complete file. */
class Downloads {
  constructor(dir) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
  }
  list() {
    return new Set(fs.readdirSync(this.dir).filter((f) => !f.startsWith('.')));
  }
  /** Clicks with `click()`, then waits for a new file that is complete (no partial-download
   *  suffix) and whose size holds still. */
  async next(click, timeout = 30000) {
    const before = this.list();
    await click();
    const end = Date.now() + timeout;
    let size = -1;
    for (;;) {
      const fresh = [...this.list()].filter((f) => !before.has(f) && !/\.(part|download|wkdownload|crdownload|tmp)$/i.test(f));
      if (fresh.length) {
        const file = path.join(this.dir, fresh[0]);
        // Firefox may write under a temporary name and rename it: a name listed a moment ago
        // can be gone by now, so look again rather than fail.
        const now = fs.statSync(file, { throwIfNoEntry: false })?.size ?? -1;
        if (now > 0 && now === size) return { name: fresh[0], text: fs.readFileSync(file, 'utf8'), file };
        size = now;
      }
      if (Date.now() > end) throw new Error(`no download within ${timeout} ms (folder holds ${[...this.list()].join(', ') || 'nothing'})`);
      await sleep(200);
    }
  }
}

// ---- Chromium: playwright-core, the same launch as lib.mjs --------------------------------
class ChromiumTab extends BaseTab {
  constructor(page, browser) {
    super();
    this.page = page;
    this.browser = browser;
  }
  async goto(url) {
    const current = this.page.url();
    if (current !== 'about:blank' && current.split('#')[0] === url.split('#')[0]) await this.page.goto('about:blank');
    await this.page.goto(url);
  }
  reload() { return this.page.reload(); }
  evaluate(fn, arg = null) { return this.page.evaluate(fn, arg); }
  click(sel) { return this.page.locator(sel).first().click({ timeout: TIMEOUT }); }
  fill(sel, value) { return this.page.locator(sel).first().fill(value, { timeout: TIMEOUT }); }
  select(sel, value) { return this.page.locator(sel).first().selectOption(value, { timeout: TIMEOUT }); }
  setFiles(sel, file) { return this.page.locator(sel).first().setInputFiles(file, { timeout: TIMEOUT }); }
  async download(sel) {
    const [d] = await Promise.all([this.page.waitForEvent('download', { timeout: 30000 }), this.click(sel)]);
    const file = path.join(this.browser.downloads.dir, d.suggestedFilename());
    await d.saveAs(file);
    return { name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), file };
  }
  screenshot(file) { return this.page.screenshot({ path: file }); }
  close() { return this.page.close(); }
}

async function launchChromium({ viewport, downloads }) {
  const b = await launchBrowser({ viewport });
  const browser = {
    engine: 'chromium',
    errors: [],
    downloads,
    async newTab() { return new ChromiumTab(await b.context.newPage(), browser); },
    close: () => b.close(),
  };
  const attach = (p) => {
    p.on('pageerror', (e) => browser.errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') browser.errors.push(`console: ${m.text()}`); });
  };
  b.context.on('page', attach);
  b.context.pages().forEach(attach);
  browser.tab = new ChromiumTab(b.context.pages()[0] || (await b.context.newPage()), browser);
  return browser;
}

// ---- Firefox ESR: puppeteer-core over WebDriver BiDi ---------------------------------------
class FirefoxTab extends BaseTab {
  constructor(page, browser) {
    super();
    this.page = page;
    this.browser = browser;
  }
  /** Firefox draws no frames in a background tab, and a headless window has no focus unless
   *  its tab is activated (then `blur()` fires no `change`): the tab acted in comes to the front. */
  async front() {
    if (this.browser.front === this) return;
    await this.page.bringToFront();
    this.browser.front = this;
  }
  async goto(url) {
    await this.front();
    const current = this.page.url();
    if (current !== 'about:blank' && current.split('#')[0] === url.split('#')[0]) await this.page.goto('about:blank');
    await this.page.goto(url);
  }
  async reload() {
    await this.front();
    await this.page.reload();
  }
  async go(hash) {
    await this.front();
    await super.go(hash);
  }
  /** Leaves the field. Headless Firefox's window never has the system focus, so `blur()` fires
   *  no `blur` or `change` there; the `change` a user's leaving the field fires is sent then. */
  async blur(sel) {
    await this.front();
    await this.evaluate((s) => {
      const el = document.querySelector(s);
      let changed = false;
      el.addEventListener('change', () => { changed = true; }, { once: true });
      el.blur();
      if (!changed) el.dispatchEvent(new Event('change', { bubbles: true }));
    }, sel);
  }
  evaluate(fn, arg = null) { return this.page.evaluate(fn, arg); }
  async click(sel) {
    await this.front();
    await this.waitForSelector(sel);
    // A bar pinned to the top or the foot of the screen can cover an element at the viewport's
    // edge, where the locator's click would land on the bar: centre it first, as a user would.
    await this.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), sel);
    // An element handle, not a locator: puppeteer's locator waits by evaluating code that a
    // page's CSP without 'unsafe-eval' refuses in Firefox ESR 140, so it never acts.
    const el = await this.page.$(sel);
    await el.click();
  }
  async fill(sel, value) {
    await this.front();
    await this.waitForSelector(sel);
    if (await this.isTypable(sel)) {
      // As a locator's fill does: select what is there, then type over it (see `click`).
      const el = await this.page.$(sel);
      await el.evaluate((e) => { e.focus(); e.select(); });
      if (value === '') await this.page.keyboard.press('Backspace');
      else await el.type(value);
    }
    else await this.setValue(sel, value);
  }
  async select(sel, value) {
    await this.front();
    await this.waitForSelector(sel);
    await this.page.select(sel, value);
  }
  async setFiles(sel, file) {
    await this.waitFor((s) => !!document.querySelector(s), sel, { what: sel });
    const el = await this.page.$(sel);
    await el.uploadFile(file);
  }
  download(sel) { return this.browser.downloads.next(() => this.click(sel)); }
  screenshot(file) { return this.page.screenshot({ path: file }); }
  close() { return this.page.close(); }
}

async function launchFirefox({ viewport, downloads }) {
  assert.ok(fs.existsSync(FIREFOX), `${FIREFOX} not found; run ./dev setup --browser`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-e2e-firefox-'));
  const b = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: viewport,
    extraPrefsFirefox: {
      // Downloads go, without asking, into the folder the test watches.
      'browser.download.dir': downloads.dir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
      'intl.accept_languages': 'zh-CN, zh',
    },
  });
  const browser = {
    engine: 'firefox',
    errors: [],
    downloads,
    async newTab() {
      const p = await b.newPage();
      attach(p);
      const tab = new FirefoxTab(p, browser);
      browser.front = tab;
      return tab;
    },
    async close() {
      await b.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  const attach = (p) => {
    p.on('pageerror', (e) => browser.errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') browser.errors.push(`console: ${m.text()}`); });
  };
  const first = (await b.pages())[0] || (await b.newPage());
  attach(first);
  browser.tab = new FirefoxTab(first, browser);
  return browser;
}

// ---- WebKitGTK: W3C WebDriver (classic) over fetch -----------------------------------------
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

class WebDriverSession {
  constructor(base) {
    this.base = base;
    this.current = null;
  }
  async cmd(method, p, body) {
    const url = `${this.base}${p.startsWith('/session') ? '' : `/session/${this.id}`}${p}`;
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value && json.value.error) {
      const err = new Error(`WebDriver ${method} ${p}: ${json.value.error}: ${json.value.message}`);
      err.code = json.value.error;
      throw err;
    }
    return json.value;
  }
  async switchTo(handle) {
    if (this.current === handle) return;
    await this.cmd('POST', '/window', { handle });
    this.current = handle;
  }
}

class WebKitTab extends BaseTab {
  constructor(session, handle, browser) {
    super();
    this.s = session;
    this.handle = handle;
    this.browser = browser;
  }
  async cmd(method, p, body) {
    await this.s.switchTo(this.handle);
    return this.s.cmd(method, p, body);
  }
  async goto(url) {
    const current = await this.cmd('GET', '/url');
    if (current !== 'about:blank' && current.split('#')[0] === url.split('#')[0]) await this.cmd('POST', '/url', { url: 'about:blank' });
    await this.cmd('POST', '/url', { url });
  }
  reload() { return this.cmd('POST', '/refresh', {}); }
  async evaluate(fn, arg = null) {
    // The function's source goes into the script itself (the page's CSP forbids eval); its
    // result is returned through JSON so that every engine gives the same values.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
        .then((v) => done({ ok: JSON.stringify(v === undefined ? null : v) }), (e) => done({ err: String((e && e.stack) || e) }));`;
    const r = await this.cmd('POST', '/execute/async', { script, args: [arg] });
    if (r && r.err) throw new Error(`in the page: ${r.err}`);
    return JSON.parse(r.ok);
  }
  async element(sel) {
    await this.waitFor((s) => !!document.querySelector(s), sel, { what: sel });
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: sel });
    return v[ELEMENT];
  }
  async click(sel) {
    await this.waitForSelector(sel);
    const id = await this.element(sel);
    // The sticky top bar can cover an element scrolled just under it, and on a loaded machine
    // a screen may still be settling: centre the element, let a frame pass, click again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.cmd('POST', `/element/${id}/click`, {});
        return;
      } catch (e) {
        if (e.code !== 'element click intercepted') throw e;
        if (attempt === 3) {
          // Say what covers the element, which the driver's message does not.
          const over = await this.evaluate((s) => {
            const r = document.querySelector(s)?.getBoundingClientRect();
            const el = r && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} ${el.dataset?.testid ?? ''}` : 'nothing';
          }, sel);
          e.message += ` (${sel} is covered by ${over})`;
          throw e;
        }
        await this.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center' }), sel);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  async fill(sel, value) {
    await this.waitForSelector(sel);
    if (!(await this.isTypable(sel))) return this.setValue(sel, value);
    const id = await this.element(sel);
    await this.evaluate((s) => { const el = document.querySelector(s); el.focus(); el.select(); }, sel);
    await this.cmd('POST', `/element/${id}/clear`, {});
    await this.cmd('POST', `/element/${id}/value`, { text: value });
  }
  async select(sel, value) {
    await this.waitForSelector(sel);
    await this.setValue(sel, value);
  }
  async setFiles(sel, file) {
    const id = await this.element(sel);
    await this.cmd('POST', `/element/${id}/value`, { text: file });
  }
  download(sel) { return this.browser.downloads.next(() => this.click(sel)); }
  async screenshot(file) {
    fs.writeFileSync(file, Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'));
  }
  async close() {
    await this.cmd('DELETE', '/window');
    this.s.current = null;
  }
}

async function launchWebKit({ viewport, downloads }) {
  for (const f of [WEBKIT_DRIVER, MINIBROWSER, '/usr/bin/xvfb-run']) assert.ok(fs.existsSync(f), `${f} not found; run ./dev setup --browser`);
  // WebKitGTK saves downloads into the home folder: a private one, which is the download folder.
  const home = downloads.dir;
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', WEBKIT_DRIVER, `--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache') },
  });
  let stderr = '';
  driver.stderr.on('data', (d) => { stderr += d; });
  const stop = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 30000;
  for (;;) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok && (await r.json()).value.ready) break;
    } catch { /* not listening yet */ }
    if (Date.now() > end || driver.exitCode !== null) {
      stop();
      throw new Error(`WebKitWebDriver did not start: ${stderr}`);
    }
    await sleep(100);
  }
  const s = new WebDriverSession(base);
  try {
    const created = await s.cmd('POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
    });
    s.id = created.sessionId;
    await s.cmd('POST', '/timeouts', { script: 60000, pageLoad: 60000 });
    await s.cmd('POST', '/window/rect', { width: viewport.width, height: viewport.height });
  } catch (e) {
    stop();
    throw e;
  }
  const browser = {
    engine: 'webkit',
    errors: [],
    downloads,
    async newTab() {
      const { handle } = await s.cmd('POST', '/window/new', { type: 'tab' });
      return new WebKitTab(s, handle, browser);
    },
    async close() {
      await s.cmd('DELETE', '').catch(() => {});
      stop();
      // Give MiniBrowser and Xvfb a moment to go before their files are removed.
      await sleep(200);
    },
  };
  browser.tab = new WebKitTab(s, await s.cmd('GET', '/window'), browser);
  return browser;
}

/** Launches `engine` with a fresh profile and download folder (removed again by close()). */
export async function launch(engine, { viewport = DEFAULT_VIEWPORT } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yishi-e2e-${engine}-`));
  const downloads = new Downloads(path.join(dir, 'downloads'));
  const start = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit }[engine];
  assert.ok(start, `unknown engine ${engine}`);
  const browser = await start({ viewport, downloads });
  const close = browser.close;
  browser.close = async () => {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return browser;
}

