// The writer alone: graphology-gexf/browser's index also loads the parser, which needs DOMParser
// at import time (absent in node, where the core is unit-tested).
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writeGexf: typeof write;
  export default writeGexf;
}
