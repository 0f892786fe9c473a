import { aggregateRating, REVIEW_CHANNEL_LABELS, type ExportReview } from '@portal/core/review';
import type { ExportCompany, ExportOffice } from '@portal/core/site-export';

/** Reviews on one page of /otzyvy/. */
export const REVIEWS_PER_PAGE = 20;

/** Reviews cut into pages of {@link REVIEWS_PER_PAGE}, newest first (the export's order); at least one (empty) page. */
export function reviewPages(reviews: readonly ExportReview[]): ExportReview[][] {
  const pages: ExportReview[][] = [];
  for (let i = 0; i < reviews.length; i += REVIEWS_PER_PAGE) pages.push(reviews.slice(i, i + REVIEWS_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}

/** What a review is about, in words: the office's name or the channel. */
export function reviewSubject(review: ExportReview, offices: ReadonlyMap<string, ExportOffice>): string {
  const office = review.office ? offices.get(review.office) : undefined;
  return office ? office.name : REVIEW_CHANNEL_LABELS[review.channel];
}

/** Average rating and count per office that has reviews, in the offices' order. */
export function officeAverages(reviews: readonly ExportReview[], offices: readonly ExportOffice[]): { office: ExportOffice; ratingValue: number; reviewCount: number }[] {
  return offices.flatMap((office) => {
    const figures = aggregateRating(reviews.filter((review) => review.office === office.slug).map((review) => review.rating));
    return figures ? [{ office, ...figures }] : [];
  });
}

/**
 * schema.org JSON-LD of a page of reviews: the organisation (or the office) with an `AggregateRating` computed only
 * from the reviews shown on this very page, and those reviews. Null when the page shows none (no empty rating).
 */
export function reviewsStructuredData(shown: readonly ExportReview[], subject: { company: ExportCompany; office?: ExportOffice }, url: string): Record<string, unknown> | null {
  const figures = aggregateRating(shown.map((review) => review.rating));
  if (!figures) return null;
  const item = subject.office
    ? { '@type': 'LocalBusiness', name: subject.office.name, address: { '@type': 'PostalAddress', streetAddress: subject.office.address, addressLocality: subject.office.settlement, addressCountry: 'RU' } }
    : { '@type': 'Organization', name: subject.company.name };
  return {
    '@context': 'https://schema.org',
    ...item,
    url,
    aggregateRating: { '@type': 'AggregateRating', ratingValue: figures.ratingValue, reviewCount: figures.reviewCount, bestRating: 5, worstRating: 1 },
    review: shown.map((review) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: review.authorName },
      datePublished: review.approvedAt.slice(0, 10),
      reviewBody: review.text,
      reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
    })),
  };
}

/** «4,5» — a rating as Russians write it. */
export const formatRating = (value: number): string => value.toFixed(1).replace('.', ',');
