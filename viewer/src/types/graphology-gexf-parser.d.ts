// The parser alone: graphology-gexf/browser's index also bundles its writer, which the viewer no
// longer uses (its GEXF export is the pipeline's own writer, src/export/gexf-core.ts).
declare module 'graphology-gexf/browser/parser.js' {
  import type { parse } from 'graphology-gexf/browser';
  const parseGexf: typeof parse;
  export default parseGexf;
}
