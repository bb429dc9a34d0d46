// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went, three ways:
//  - bySource: self time per source (a dist/ file of ours, or an npm package, or node internals);
//  - byOwnFile: each sample charged to the nearest frame in our own code (dist/…), so time spent
//    inside compromise or chrono counts against the newsgraph module that called it;
//  - topFunctions: the hungriest functions by self time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** "dist/extract/triggers.js", "compromise", "node:internal", "(garbage collector)", … */
function sourceOf(url, repo) {
  if (!url) return null;
  let path = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (path.startsWith('node:')) return 'node:internal';
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith(repo)) path = path.slice(repo.length);
  return path;
}

function table(map, total, limit) {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), pct: Math.round((us / total) * 1000) / 10 }));
}

/**
 * @param {string} file path of a .cpuprofile
 * @param {string} repo absolute repo path ending in "/", to shorten our own file names
 */
export function summarizeProfile(file, repo, limit = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map(); // node id → µs
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }

  const bySource = new Map();
  const byOwnFile = new Map();
  const byFunction = new Map();
  const ownCache = new Map();
  const ownFileOf = (id) => {
    if (ownCache.has(id)) return ownCache.get(id);
    const n = byId.get(id);
    const src = sourceOf(n.callFrame.url, repo);
    let own;
    if (src && src.startsWith('dist/')) own = src;
    else if (parent.has(id)) own = ownFileOf(parent.get(id));
    else own = null;
    ownCache.set(id, own);
    return own;
  };
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const fn = n.callFrame.functionName || '(anonymous)';
    const src = sourceOf(n.callFrame.url, repo) ?? fn; // (garbage collector), (program), (idle)
    bySource.set(src, (bySource.get(src) ?? 0) + us);
    const own = ownFileOf(id) ?? (fn.startsWith('(') ? fn : `${src} (outside newsgraph code)`);
    byOwnFile.set(own, (byOwnFile.get(own) ?? 0) + us);
    const key = `${fn} ${src}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  return {
    totalMs: Math.round(total / 1000),
    bySource: table(bySource, total, limit),
    byOwnFile: table(byOwnFile, total, limit),
    topFunctions: table(byFunction, total, limit),
  };
}
