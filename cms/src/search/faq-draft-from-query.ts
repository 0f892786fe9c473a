import type { Payload } from 'payload';
import { slugify } from '@portal/core/transliteration';
import { COLLECTIONS } from '../slugs';

/** The result of turning a search query into a FAQ draft. */
export interface FaqDraftResult {
  /** Id of the FAQ draft (new or made earlier from the same row). */
  faqId: number | string;
  /** Whether this call created it. */
  created: boolean;
}

/** The query as a question: first letter capitalised, a question mark at the end. */
export function questionFromQuery(query: string): string {
  const text = query.trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[?.!]$/.test(capitalised) ? capitalised : `${capitalised}?`;
}

/**
 * Creates a FAQ draft whose question is the query of a search-stats row and links it to the row; a
 * second call returns the same draft. The draft has no topic and no answer yet: editors complete and
 * publish it, and only then does it reach the site and the search index.
 */
export async function createFaqDraftFromQuery(payload: Payload, statsId: number | string): Promise<FaqDraftResult | null> {
  const row = (await payload.findByID({ collection: COLLECTIONS.searchQueries, id: statsId, depth: 0, overrideAccess: true }).catch(
    () => null,
  )) as { id: number | string; query: string; faqDraft?: number | string | null } | null;
  if (!row) return null;
  if (row.faqDraft) return { faqId: row.faqDraft, created: false };
  const base = slugify(row.query, 50) || 'vopros';
  const faq = await payload.create({
    collection: COLLECTIONS.faq,
    draft: true,
    overrideAccess: true,
    // Suffix with the stats row id: unique, and the slug stays editable before publishing.
    data: { question: questionFromQuery(row.query), slug: `${base}-${row.id}`, audience: 'all', _status: 'draft' } as never,
  });
  await payload.update({
    collection: COLLECTIONS.searchQueries,
    id: row.id,
    overrideAccess: true,
    data: { faqDraft: faq.id } as never,
  });
  return { faqId: faq.id, created: true };
}
