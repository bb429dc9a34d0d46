/** Graph shapes the viewer reads: the pipeline's contract (src/types.ts), loosened for foreign files. */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { EdgeAttributes, Evidence, NodeAttributes, Spell } from '../../../src/types';

export type { EdgeAttributes, Evidence, NodeAttributes, Spell };

/**
 * Node attributes as loaded: every pipeline field is optional except the few the viewer fills in
 * while preparing the graph (label, kind, type, aliases, documents, evidence, mentions, x, y, size).
 */
export type ViewerNode = Partial<Omit<NodeAttributes, 'kind'>> &
  Pick<NodeAttributes, 'label' | 'type' | 'aliases' | 'documents' | 'evidence' | 'mentions' | 'x' | 'y' | 'size'> &
  Attributes & { kind: string };

export type ViewerEdge = Partial<Omit<EdgeAttributes, 'relation'>> & Pick<EdgeAttributes, 'evidence'> & Attributes & { relation: string };

export type ViewerGraph = AbstractGraph<ViewerNode, ViewerEdge>;

export interface Point {
  x: number;
  y: number;
}
