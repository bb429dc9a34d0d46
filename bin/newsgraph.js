#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ to dist/ by `npm run build` (run by npm install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('newsgraph: not built yet; run `npm run build` in the newsgraph folder\n');
  process.exit(1);
}
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv);
