import { OfficeScheduleSchema } from '@portal/core/office-hours';
import { officeToSearchDocument, searchDocumentId, type SearchDocumentInput } from '@portal/search';
import { scheduleInput, type OfficeScheduleFields } from '../collections/Offices/schedule';
import { COLLECTIONS } from '../slugs';
import type { SearchSource } from './search-source';

/** The fields of a stored office or payment point the index needs. */
export interface OfficeLike extends OfficeScheduleFields {
  id: number | string;
  slug?: string | null;
  kind?: 'office' | 'payment-point' | null;
  name?: string | null;
  settlement?: string | null;
  address?: string | null;
  services?: { text?: string | null }[] | null;
  payment?: { text?: string | null }[] | null;
  _status?: string | null;
}

const texts = (rows: { text?: string | null }[] | null | undefined): string[] => (rows ?? []).map((row) => row.text ?? '').filter(Boolean);

/**
 * Offices and payment points as a search source: published ones, id `office_<slug>` or `payment-point_<slug>`,
 * linked to their own page; the mapping is `officeToSearchDocument` of the search module, which the relevance
 * test runs on the demo offices too.
 */
export const officeSearchSource: SearchSource<OfficeLike> = {
  collection: COLLECTIONS.offices,
  drafts: true,
  depth: 0,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    if (!doc.slug || !doc.name || !doc.kind) return null;
    // Saves are validated, so the schedule parses; an old row that does not still gets found by its name.
    const schedule = OfficeScheduleSchema.safeParse(scheduleInput(doc));
    return officeToSearchDocument({
      slug: doc.slug,
      kind: doc.kind,
      name: doc.name,
      settlement: doc.settlement ?? '',
      address: doc.address ?? '',
      weekly: schedule.success ? schedule.data.weekly : [],
      ...(schedule.success ? { schedule: schedule.data } : {}),
      services: texts(doc.services),
      payment: texts(doc.payment),
    });
  },
  searchId: (doc) => (doc.slug && doc.kind ? searchDocumentId(doc.kind, doc.slug) : null),
};
