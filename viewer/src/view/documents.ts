/** documents.json, fetched once and only when an article is first opened. */
import { parseDocuments, type ArticleDocument } from '../core/articles';

export interface DocumentStore {
  get(id: string): Promise<ArticleDocument | null>;
  /** Every document (empty when unavailable): titles and dates for the lists that name documents. */
  all(): Promise<ReadonlyMap<string, ArticleDocument>>;
  /** The documents if already loaded, else null (no fetch). */
  loaded(): ReadonlyMap<string, ArticleDocument> | null;
  /** Why documents are unavailable, once a load has failed. */
  problem(): string | null;
}

export function documentStore(url: URL | null): DocumentStore {
  let pending: Promise<Map<string, ArticleDocument>> | null = null;
  let done: Map<string, ArticleDocument> | null = null;
  let problem: string | null = url ? null : 'This graph was opened from a file: article texts (documents.json) are not available.';
  const load = async (): Promise<Map<string, ArticleDocument>> => {
    if (!url) return new Map();
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (done = parseDocuments(await response.json()));
    } catch (err) {
      problem = `Article texts could not be loaded from ${url.pathname} (${(err as Error).message}).`;
      return new Map();
    }
  };
  return {
    async get(id) {
      pending ??= load();
      return (await pending).get(id) ?? null;
    },
    all() {
      pending ??= load();
      return pending;
    },
    loaded: () => done,
    problem: () => problem,
  };
}
