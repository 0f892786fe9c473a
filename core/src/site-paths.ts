/**
 * Public site paths that more than the site needs: the site builds these pages, and the CMS links to them
 * from the search index. One rule per kind of page, so a link in a search hit always opens what the site built.
 * All paths end with a slash (`trailingSlash: 'always'`).
 */

/** The news list. */
export const NEWS_PATH = '/spravka/novosti/';

/** Page of one news item, e.g. `/spravka/novosti/novyj-tarif/`. */
export function newsPath(slug: string): string {
  return `${NEWS_PATH}${encodeURIComponent(slug)}/`;
}

/** The documents page: every document is an article on it (documents have no page of their own). */
export const DOCUMENTS_PATH = '/spravka/dokumenty/';

/** The HTML id of a document's article on the documents page; slugs hold only [a-z0-9-], so it is a valid id. */
export function documentAnchor(slug: string): string {
  return `doc-${slug}`;
}

/** Link to one document: the documents page scrolled to its article, e.g. `/spravka/dokumenty/#doc-dogovor`. */
export function documentPath(slug: string): string {
  return `${DOCUMENTS_PATH}#${documentAnchor(slug)}`;
}

/** The list of customer service offices (ЦОК). */
export const OFFICES_PATH = '/spravka/ofisy/';

/** The list of payment points. */
export const PAYMENT_POINTS_PATH = '/spravka/punkty-oplaty/';

/** Page of one office or payment point, e.g. `/spravka/ofisy/yasnoborsk/`, under the list of its kind. */
export function officePath(office: { kind: string; slug: string }): string {
  return `${office.kind === 'payment-point' ? PAYMENT_POINTS_PATH : OFFICES_PATH}${encodeURIComponent(office.slug)}/`;
}

/** The regulated household tariffs page (current prices). */
export const TARIFFS_PATH = '/fizlicam/tarify/';

/** The archive of tariff periods. */
export const TARIFF_ARCHIVE_PATH = `${TARIFFS_PATH}arhiv/`;

/** Page of one tariff period, e.g. `/fizlicam/tarify/arhiv/2025-1/`. */
export function tariffPeriodPath(slug: string): string {
  return `${TARIFF_ARCHIVE_PATH}${encodeURIComponent(slug)}/`;
}

/** «Отзывы о Компании» (issue 22): approved reviews. */
export const REVIEWS_PATH = '/otzyvy/';
/** «Правила форума и отзывов», linked from every form of the moderated public writing (a CMS page). */
export const MODERATION_RULES_PATH = '/obratnaya-svyaz/pravila-foruma-i-otzyvov/';
