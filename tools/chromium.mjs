// The headless Debian Chromium that the end-to-end tests and the benchmarks drive, and its one
// set of flags: no sandbox (containers), no GPU, and no background traffic (updates, sync, QUIC)
// that would make a request the tests forbid or add noise to a measurement.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
