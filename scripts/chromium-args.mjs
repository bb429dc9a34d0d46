/**
 * How newsgraph's tests and benchmarks start Debian's Chromium headless, as root, on a machine
 * with no network: no sandbox, no GPU, and none of the background connections that the closed
 * network would refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
