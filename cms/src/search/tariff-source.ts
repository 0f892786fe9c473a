import { TariffPeriodSchema } from '@portal/core/tariffs';
import { searchDocumentId, tariffPeriodToSearchDocument, type SearchDocumentInput } from '@portal/search';
import { toKopecks } from '../fields/money';
import { COLLECTIONS } from '../slugs';
import type { SearchSource } from './search-source';

/** The fields of a stored tariff period the index needs. */
export interface TariffPeriodLike {
  id: number | string;
  slug?: string | null;
  title?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  decree?: unknown;
  rates?: { group?: string | null; scheme?: string | null; zone?: string | null; price?: number | null }[] | null;
  _status?: string | null;
}

/**
 * Tariff periods as a search source: published ones, id `tariff_<slug>`, linked to the period's page, with
 * a status line saying whether it is in force. Saves are validated by the same schema, so a period that
 * does not parse is an old row: it is left out rather than indexed half-read.
 */
export const tariffSearchSource: SearchSource<TariffPeriodLike> = {
  collection: COLLECTIONS.tariffPeriods,
  drafts: true,
  depth: 0,
  toSearchDocument: (doc): SearchDocumentInput | null => {
    const period = TariffPeriodSchema.safeParse({
      slug: doc.slug,
      title: doc.title,
      validFrom: doc.validFrom,
      validTo: doc.validTo,
      decree: doc.decree,
      rates: (doc.rates ?? []).map((rate) => ({ group: rate.group, scheme: rate.scheme, zone: rate.zone, priceKopecks: toKopecks(rate.price ?? Number.NaN) })),
    });
    return period.success ? tariffPeriodToSearchDocument(period.data) : null;
  },
  searchId: (doc) => (doc.slug ? searchDocumentId('tariff', doc.slug) : null),
};
