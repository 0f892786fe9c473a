import { documentPath } from '@portal/core/site-paths';
import { searchDocumentId, type SearchDocumentInput } from '@portal/search';
import { COLLECTIONS } from '../slugs';
import type { SearchSource } from './search-source';

/** The fields of a stored document (contract form, sample, standard) the index needs. */
export interface DocumentLike {
  id: number | string;
  slug?: string | null;
  title?: string | null;
  description?: string | null;
  audience?: 'fl' | 'ul' | 'all' | null;
  versions?: { note?: string | null }[] | null;
  _status?: string | null;
}

/**
 * Documents as a search source: published documents, id `document_<slug>`, linked to their article on
 * the documents page. The description and the notes of the versions are the searchable text.
 */
export const documentSearchSource: SearchSource<DocumentLike> = {
  collection: COLLECTIONS.documents,
  drafts: true,
  depth: 0,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    if (!doc.slug || !doc.title) return null;
    const notes = (doc.versions ?? []).map((version) => version.note ?? '');
    return {
      id: searchDocumentId('document', doc.slug),
      type: 'document',
      url: documentPath(doc.slug),
      question: doc.title,
      answerText: [doc.description ?? '', ...notes].filter(Boolean).join(' '),
      topic: '',
      topicTitle: '',
      audience: doc.audience ?? 'all',
    };
  },
  searchId: (doc) => (doc.slug ? searchDocumentId('document', doc.slug) : null),
};
