// Every screen of the app, by hash route. Screenshots (tools/screenshots.mjs) and any
// per-screen checks (accessibility) iterate over this list: add new screens here. Screens of
// one record (a meeting, an item, ...) are found by recordScreens() below.
import { registerDemocraticLife } from './lib.mjs';

export const SCREENS = [
  '#/',
  '#/meetings',
  '#/meetings/new',
  '#/items',
  '#/items/new',
  '#/tasks',
  '#/duties',
  '#/duties/members',
  '#/evidence',
  '#/calendar',
  '#/study',
  '#/report',
  '#/rules',
  '#/rules/18',
  '#/settings',
  '#/data',
  '#/search',
];

export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1024, height: 768 },
  { name: 'desktop', width: 1366, height: 768 },
];

/**
 * The record screens of the example data, found by following the app's own links (ids are not
 * fixed): a planned, a closed and a signed meeting on each of their four screens, the central
 * study meeting, an item, a task, a search with results and an unknown address. With
 * `democraticLife` (a `YYYY-MM-DD` date) a 民主生活会 is registered from that year's duty
 * register and its cycle screen added last (this adds a record: list screens visited after it
 * show it). Returns `[{ name, hash }]`; `name` is stable across runs (for file names).
 * `app` is an openApp() app with the example data loaded.
 */
export async function recordScreens(app, { democraticLife } = {}) {
  const p = app.page;
  const href = async (route, sel) => {
    await app.go(route);
    const loc = p.locator(sel).first();
    if ((await loc.count()) === 0) throw new Error(`no link ${sel} on ${route}`);
    return loc.getAttribute('href');
  };
  const meetingId = async (sel) => (await href('#/meetings', `[data-testid="meeting-row"]${sel}`)).match(/meetings\/(\d+)/)[1];
  const out = [];
  const meeting = (name, id, tabs) => {
    for (const tab of tabs) out.push({ name: `${name}${tab ? '-' + tab.replace('/', '-') : ''}`, hash: `#/meetings/${id}${tab ? '/' + tab : ''}` });
  };
  const all = ['', 'live', 'minutes', 'summary'];
  meeting('meeting-planned', await meetingId('[data-stage="Planned"]'), all);
  meeting('meeting-closed', await meetingId('[data-stage="Closed"]:not(:has-text("中心组"))'), all);
  meeting('meeting-signed', await meetingId('[data-stage="Signed"]'), all);
  meeting('meeting-study', await meetingId(':has-text("中心组")'), ['', 'minutes']);
  const signed = await meetingId('[data-stage="Signed"]');
  meeting('meeting-signed', signed, ['print/notice', 'print/sign-in', 'print/tally', 'print/record']);
  out.push({ name: 'item', hash: await href('#/items', 'main a[href*="#/items/"]:not([href$="/new"])') });
  const task = await href('#/tasks', 'main a[href*="#/tasks/"]');
  out.push({ name: 'task', hash: task });
  out.push({ name: 'task-print-reminder', hash: `${task}/print/reminder` });
  out.push({ name: 'search-results', hash: `#/search?q=${encodeURIComponent('党组')}` });
  out.push({ name: 'not-found', hash: '#/no-such-screen' });
  if (democraticLife) {
    out.push({ name: 'democratic-life', hash: await registerDemocraticLife(app, democraticLife, '深入学习贯彻党组工作规则') });
  }
  return out;
}

/** A screen's file-name part: `#/rules/18` → `rules-18`, `#/` → `home`. */
export const routeName = (hash) => hash.replace(/^#\/?/, '').replace(/[/?=&%]+/g, '-') || 'home';
