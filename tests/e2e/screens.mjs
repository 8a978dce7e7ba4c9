// Every screen of the app, by hash route. Screenshots (tools/screenshots.mjs) and any
// per-screen checks (accessibility) iterate over this list: add new screens here.
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
