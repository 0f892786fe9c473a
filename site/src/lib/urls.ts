/**
 * Every URL of the public site is built here, so a reader finds where a link comes from at once.
 * All paths end with a slash (`trailingSlash: 'always'`).
 */
import { NEWS_PATH, TARIFFS_PATH } from '@portal/core/site-paths';

export const HOME_PATH = '/';
export const FAQ_PATH = '/faq/';
export const SEARCH_PATH = '/search/';
export const QUESTION_FORM_PATH = '/vopros/';
export const DEFAULT_PRIVACY_PATH = '/privacy/';
/** Pages of the other appeal forms. */
export const COMPLAINT_FORM_PATH = '/obrashchenie/';
export const FEEDBACK_FORM_PATH = '/otzyv/';
/** The client's appeal status page (private link from the confirmation e-mail, or number plus contact). */
export const APPEAL_STATUS_PATH = '/status/';
/** «Онлайн-консультант»: opens the chat at once; with `?c=<id>#t=<token>` the private link to one conversation. */
export const CHAT_PATH = '/chat/';
/** Booking a visit to an office (server-rendered steps), and the private page of a booking. */
export const BOOKING_PATH = '/zapis/';
/** The satisfaction rating page the survey e-mail links to. */
export const SURVEY_PATH = '/otsenka/';
export const APPLICATION_PATH = '/zayavka/';
export const APPLICATION_FL_PATH = '/zayavka/fizicheskim-litsam/';
export const APPLICATION_UL_PATH = '/zayavka/yuridicheskim-litsam/';
export const READINGS_PATH = '/pokazaniya/';
export const READINGS_HOUSEHOLD_PATH = '/pokazaniya/naselenie/';
export const READINGS_LEGAL_PATH = '/pokazaniya/yuridicheskie-litsa/';

/** Public endpoint of the search island (served by the public server, same origin). */
export const SEARCH_API_PATH = '/api/search';
/** Public endpoint receiving search beacons (finished searches, opened results) for the statistics. */
export const SEARCH_EVENTS_API_PATH = '/api/search/events';
/** Anonymous counters of the FAQ suggestions in the question form. */
export const SUGGESTION_EVENT_API_PATH = '/api/forms/suggestion-event';
/** The chat's proof-of-work challenge (the same as the forms', contract in core/src/chat/contract.ts). */
export const CHAT_CHALLENGE_PATH = '/api/chat/challenge';
/** The forms' proof-of-work challenge. */
export const HUMAN_CHECK_CHALLENGE_PATH = '/api/forms/challenge';
/**
 * Public endpoint of an appeal form by its name in the form table (`@portal/core/appeal-forms`), e.g.
 * `appealFormApiPath('complaint')` → `/api/forms/complaint`. Names only (no schemas), so islands stay small.
 */
export { appealFormApiPath, type AppealFormName } from '@portal/core/appeal-form-paths';
/** The client's appeal status: GET with the private link's token, POST with number and contact. */
export const APPEAL_STATUS_API_PATH = '/api/forms/status';

/** Page of one FAQ topic, e.g. `/faq/oplata/`. */
export function topicPath(topic: string): string {
  return `${FAQ_PATH}${encodeURIComponent(topic)}/`;
}

/** Page of one FAQ entry, e.g. `/faq/oplata/sposoby-oplaty/`. */
export function faqEntryPath(topic: string, slug: string): string {
  return `${topicPath(topic)}${encodeURIComponent(slug)}/`;
}

/** The question form, optionally pre-filled with a topic and a text (e.g. the search query). */
export function questionFormPath(prefill: { topic?: string; text?: string } = {}): string {
  const params = new URLSearchParams();
  if (prefill.topic) params.set('topic', prefill.topic);
  if (prefill.text) params.set('text', prefill.text);
  const query = params.toString();
  return query ? `${QUESTION_FORM_PATH}?${query}` : QUESTION_FORM_PATH;
}

/** The status page's query parameter that pre-fills the number (never the contact: it is personal). */
export const STATUS_NUMBER_PARAM = 'number';

/**
 * The status page with the number filled in, e.g. `/status/?number=%D0%92-2026-000123`. Only the number goes into
 * the address: the e-mail or phone that unlocks the status is personal and must not end up in logs or history.
 */
export function appealStatusPath(registrationNumber?: string): string {
  if (!registrationNumber) return APPEAL_STATUS_PATH;
  return `${APPEAL_STATUS_PATH}?${new URLSearchParams({ [STATUS_NUMBER_PARAM]: registrationNumber }).toString()}`;
}

/** `mailto:` link with a subject (and optionally a body), encoded as RFC 6068 asks (spaces as %20, not +). */
export function mailtoHref(address: string, subject: string, body?: string): string {
  const query = [`subject=${encodeURIComponent(subject)}`, ...(body ? [`body=${encodeURIComponent(body)}`] : [])].join('&');
  return `mailto:${address}?${query}`;
}

/** `tel:` link for a phone number as printed (`8 800 555-01-23` → `tel:88005550123`). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Top-level sections of the standards' structure (REQUIREMENTS.md §2). */
export const FL_PATH = '/fizlicam/';
export const UL_PATH = '/yurlicam/';
export const FEEDBACK_PATH = '/obratnaya-svyaz/';
export const REFERENCE_PATH = '/spravka/';

/** Regulated household tariffs: current, archive, open data. */
export { TARIFFS_PATH, TARIFF_ARCHIVE_PATH, tariffPeriodPath } from '@portal/core/site-paths';
/** The cost calculator at the top of the tariffs page. */
export const TARIFF_CALCULATOR_PATH = `${TARIFFS_PATH}#kalkulyator`;
export const TARIFFS_CSV_PATH = '/fizlicam/tarify/tarify.csv';
export const TARIFFS_JSON_PATH = '/fizlicam/tarify/tarify.json';

/** Unregulated prices for legal entities: latest months, a page per year, open data. */
export const PRICES_PATH = '/yurlicam/ceny/';
export const PRICES_CSV_PATH = '/yurlicam/ceny/ceny.csv';
export const PRICES_JSON_PATH = '/yurlicam/ceny/ceny.json';
export const pricesYearPath = (year: string | number) => `${PRICES_PATH}${year}/`;

/** Offices (ЦОК) and payment points. */
// Shared with the CMS (search links), so they live in core.
export { OFFICES_PATH, PAYMENT_POINTS_PATH, officePath } from '@portal/core/site-paths';
/**
 * The CMS page on ways to pay (`Способы оплаты`). It is content, so a site may not have it: the menu then links
 * to the payment points (site/src/lib/site-menu.ts).
 */
export const PAYMENT_WAYS_PATH = '/fizlicam/oplata/';

/** News: list, type filters, items, RSS. */
// Shared with the CMS (search links), so they live in core.
export { NEWS_PATH, newsPath, DOCUMENTS_PATH, documentAnchor, documentPath } from '@portal/core/site-paths';
export const NEWS_RSS_PATH = '/spravka/novosti/rss.xml';
export const newsTypePath = (type: string) => `${NEWS_PATH}tip/${encodeURIComponent(type)}/`;

export const COMPLAINT_SUMMARIES_PATH = '/obratnaya-svyaz/otvety-na-zhaloby/';
/** Published quarterly reports on appeals by topic. */
export const QUARTERLY_REPORTS_PATH = '/obratnaya-svyaz/kvartalnye-otchety/';
export const LINKS_PATH = '/spravka/poleznye-ssylki/';
export const SITE_MAP_PATH = '/karta-sajta/';
export const SITEMAP_XML_PATH = '/sitemap.xml';
/** The contacts page of the CMS tree; the site adds the company's contacts from the settings to it. */
export const CONTACTS_PATH = '/spravka/kontakty/';
/** The CMS page «Показатели качества обслуживания»: the site adds the computed indicators below its text. */
export const QUALITY_PATH = '/fizlicam/pokazateli-kachestva/';
/** The public server's low-vision settings (public-server/src/display-mode.ts); plain forms, no JavaScript needed. */
export const DISPLAY_MODE_PATH = '/api/display-mode';

/** The outages page, one page per settlement, and their feeds (issue 21). */
export const OUTAGES_PATH = '/otklyucheniya/';
export const outagesSettlementPath = (settlement: string) => `${OUTAGES_PATH}${encodeURIComponent(settlement)}/`;
/** Feeds of all outages, or of one settlement's (`settlement` slug): RSS 2.0, Atom, and the planned ones as iCalendar. */
export const outagesFeedPath = (kind: 'rss.xml' | 'atom.xml' | 'planovye.ics', settlement?: string) => `${settlement ? outagesSettlementPath(settlement) : OUTAGES_PATH}${kind}`;
/** The subscription page (e-mail alerts by settlement). */
export const ALERTS_SUBSCRIBE_PATH = '/podpiska/';
/** Public endpoints of the subscriptions (forwarded by the public server to the CMS). */
export const ALERTS_SUBSCRIBE_API_PATH = '/api/alerts/subscribe';

/** «Отзывы о Компании» (issue 22): approved reviews, pages 2…, per-office pages, and the rules linked from every form. */
export { MODERATION_RULES_PATH, REVIEWS_PATH } from '@portal/core/site-paths';
export const reviewsPagePath = (page: number): string => (page <= 1 ? '/otzyvy/' : `/otzyvy/stranitsa/${page}/`);
export const officeReviewsPath = (officeSlug: string): string => `/otzyvy/ofis/${officeSlug}/`;
