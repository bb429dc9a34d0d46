#!/usr/bin/env node
// `npm test` needs two system programs: Chromium for the browser tests and xmllint for the GEXF
// schema gate. On Debian (CI, a fresh machine) we install what is missing with apt-get and say so;
// elsewhere we name what to install and stop, rather than let the tests fail obscurely.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { what: 'Chromium (browser tests)', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'), pkg: 'chromium' },
  { what: 'xmllint (GEXF schema gate)', present: () => spawnSync('xmllint', ['--version']).status === 0, pkg: 'libxml2-utils' },
];

const missing = needs.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg);
const canApt = spawnSync('apt-get', ['--version']).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!canApt || !isRoot) {
  process.stderr.write(
    `newsgraph tests need: ${missing.map((m) => m.what).join(', ')}.\n` +
      `Install the Debian packages ${pkgs.join(' ')} (e.g. sudo apt-get install ${pkgs.join(' ')}) and run npm test again.\n`,
  );
  process.exit(1);
}
process.stderr.write(`newsgraph: installing missing system packages with apt-get: ${pkgs.join(' ')}\n`);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
} catch {
  process.stderr.write(`newsgraph: apt-get could not install ${pkgs.join(' ')}; install them by hand and run npm test again.\n`);
  process.exit(1);
}
