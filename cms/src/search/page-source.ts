import { MAX_PAGE_DEPTH, pagePath, type PageNode } from '@portal/core/page-tree';
import { searchDocumentId, type SearchDocumentInput } from '@portal/search';
import { COLLECTIONS } from '../slugs';
import { answerToText } from './faq-source';
import type { SearchSource } from './search-source';

/** The fields of a stored page the index needs; `parent` is populated up the chain (depth ≥ levels above it). */
export interface PageLike {
  id: number | string;
  slug?: string | null;
  title?: string | null;
  summary?: string | null;
  audience?: 'fl' | 'ul' | 'all' | null;
  content?: unknown;
  parent?: unknown;
  _status?: string | null;
}

/**
 * The page's site path from its populated parent chain, by the same rule the site export uses
 * (`pagePath` of core/page-tree), or null when a section above it is unpublished or missing: such a
 * page is not on the site, so it must not be found either.
 */
export function publishedPagePath(doc: PageLike): string | null {
  if (!doc.slug) return null;
  const byId = new Map<string | number, PageNode>();
  const self: PageNode = { id: doc.id, slug: doc.slug, parent: null };
  byId.set(doc.id, self);
  let child = self;
  let parent = doc.parent;
  while (parent !== null && parent !== undefined) {
    // An id instead of a document: the parent is deleted or deeper than the depth we read with.
    if (typeof parent !== 'object') return null;
    const row = parent as PageLike;
    if (row._status !== 'published' || !row.slug || byId.has(row.id)) return null;
    child.parent = row.id;
    const node: PageNode = { id: row.id, slug: row.slug, parent: null };
    byId.set(row.id, node);
    child = node;
    parent = row.parent;
  }
  return pagePath(self, byId);
}

/**
 * Pages as a search source. Page slugs are unique among siblings only, so the index id comes from the
 * page's database id (`page_<id>`), which also survives moves and renames.
 */
export const pageSearchSource: SearchSource<PageLike> = {
  collection: COLLECTIONS.pages,
  drafts: true,
  // Enough to populate every ancestor of the deepest allowed page.
  depth: MAX_PAGE_DEPTH - 1,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    const url = publishedPagePath(doc);
    if (!url || !doc.title) return null;
    return {
      id: searchDocumentId('page', String(doc.id)),
      type: 'page',
      url,
      question: doc.title,
      answerText: [doc.summary ?? '', answerToText(doc.content)].filter(Boolean).join(' '),
      topic: '',
      topicTitle: '',
      audience: doc.audience ?? 'all',
    };
  },
  searchId: (doc) => searchDocumentId('page', String(doc.id)),
};
