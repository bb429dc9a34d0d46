/**
 * CommonJS packages whose typings say `export default` (graphology's standard library) load under
 * Node's ESM as `module.exports` itself, while TypeScript (NodeNext) types the import as
 * `{ default: T }`. This returns the real export either way.
 */
export function cjsDefault<T>(mod: { default: T } | T): T {
  const m = mod as { default?: T };
  return m && typeof m === 'object' || typeof m === 'function' ? ((m.default ?? mod) as T) : (mod as T);
}
