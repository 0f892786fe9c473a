import type { Audience } from '@portal/core/audience';
import { summarizeWeeklyHours, type OfficeSchedule, type WeeklyHours } from '@portal/core/office-hours';
import { newsPath, officePath, tariffPeriodPath } from '@portal/core/site-paths';
import { SCHEME_ZONES, TARIFF_GROUP_LABELS, TARIFF_GROUPS, ZONE_NAMES, ZONE_SCHEME_LABELS, ZONE_SCHEMES, type TariffPeriod } from '@portal/core/tariffs';
import type { SearchDocument, SearchDocumentType } from './contract';

/** The fields of a FAQ entry that search needs, whatever its source (CMS record or demo YAML). */
export interface FaqForSearch {
  /** FAQ slug; becomes the search document id. */
  slug: string;
  /** The question. */
  question: string;
  /** The answer as plain text (see `markdownToText` for Markdown answers). */
  answerText: string;
  /** Topic slug. */
  topic: string;
  /** Who the entry is for. */
  audience: Audience;
}

/**
 * Maps a FAQ entry and its topic title to the document both engines index.
 * Whitespace is tidied so snippets do not show stray line breaks.
 */
export function faqToSearchDocument(faq: FaqForSearch, topicTitle: string): SearchDocument {
  return {
    id: faq.slug,
    type: 'faq',
    url: faqEntryUrl(faq.topic, faq.slug),
    question: tidy(faq.question),
    answerText: tidy(faq.answerText),
    topic: faq.topic,
    topicTitle: tidy(topicTitle),
    audience: faq.audience,
  };
}

/**
 * Public path of a FAQ entry; the same rule as `faqEntryPath` in site/src/lib/urls.ts, which builds
 * the pages (a site test checks that both agree).
 */
export function faqEntryUrl(topic: string, slug: string): string {
  return `/faq/${encodeURIComponent(topic)}/${encodeURIComponent(slug)}/`;
}

/**
 * Search document id of an item of a non-FAQ collection: `page_<slug>`, `news_<slug>`… FAQ entries
 * keep their bare slug; slugs never contain `_`, so ids of different types cannot collide.
 */
export function searchDocumentId(type: Exclude<SearchDocumentType, 'faq'>, slug: string): string {
  return `${type}_${slug}`;
}

/** The fields of an office or payment point that search needs, whatever its source (CMS record or demo YAML). */
export interface OfficeForSearch {
  slug: string;
  kind: 'office' | 'payment-point';
  name: string;
  /** Town or village; shown next to the hit and searched. */
  settlement: string;
  address: string;
  /** Regular weekly hours, summarised into the text («пн–пт 9:00–18:00, перерыв 13:00–13:45»). */
  weekly: WeeklyHours;
  /** The whole schedule (weekly hours, dated exceptions): the hit's status line («Открыто до 17:00») is worked out from it. */
  schedule?: OfficeSchedule;
  services: readonly string[];
  /** Ways to pay there («касса без комиссии»): what people look for when they search for a payment point. */
  payment: readonly string[];
}

/**
 * Maps an office or payment point to the document both engines index: the name is the title, the settlement
 * stands where a topic would, and the address, hours, services and ways to pay are the text. The hit links to
 * the place's own page (the same path rule the site builds it with). Offices are for everyone.
 */
export function officeToSearchDocument(office: OfficeForSearch): SearchDocument {
  const hours = summarizeWeeklyHours(office.weekly);
  const parts = [
    // The address ends a sentence, so the snippet does not run it into the hours («д. 47 Часы работы»).
    tidy(office.address).replace(/([^.])$/, '$1.'),
    hours && `Часы работы: ${hours}.`,
    office.services.length > 0 && `Услуги: ${office.services.join('; ')}.`,
    office.payment.length > 0 && `Оплата: ${office.payment.join('; ')}.`,
  ];
  return {
    id: searchDocumentId(office.kind, office.slug),
    type: office.kind,
    url: officePath(office),
    question: tidy(office.name),
    answerText: tidy(parts.filter(Boolean).join(' ')),
    topic: '',
    topicTitle: tidy(office.settlement),
    audience: 'all',
    // The status line is worked out when searching, from the hours (see status-line.ts).
    ...(office.weekly.length > 0 || office.schedule
      ? { details: { kind: 'hours' as const, schedule: office.schedule ?? { weekly: [...office.weekly], exceptions: [], followsProductionCalendar: true, shortDayMinutes: 60 } } }
      : {}),
  };
}

/** The fields of a news item that search needs, whatever its source (CMS record or demo YAML). */
export interface NewsForSearch {
  slug: string;
  title: string;
  /** `planned-outage` and `emergency-outage` items are outages: their own result type, with the settlements. */
  type?: string | null;
  summary?: string | null;
  /** When the outage or change happens, free text («2 декабря с 9:00 до 17:00»). */
  period?: string | null;
  /** Settlements an outage affects; searched, and shown where a topic would be. */
  settlements?: readonly string[] | null;
  /** The body as plain text. */
  bodyText: string;
}

const OUTAGE_LABELS: Readonly<Record<string, string>> = {
  'planned-outage': 'Плановое отключение',
  'emergency-outage': 'Аварийное отключение',
};

/**
 * Maps a news item to the document both engines index. Outages are of type `outage`: the settlements
 * they affect are searched (the title, then «Населённые пункты: …» in the text) and shown next to the hit,
 * and the status line gives the kind and the period.
 */
export function newsToSearchDocument(news: NewsForSearch): SearchDocument {
  const outage = news.type ? OUTAGE_LABELS[news.type] : undefined;
  const settlements = (news.settlements ?? []).map(tidy).filter(Boolean);
  const text = [
    news.summary ?? '',
    news.period ?? '',
    settlements.length > 0 ? `Населённые пункты: ${settlements.join(', ')}.` : '',
    news.bodyText,
  ];
  return {
    id: searchDocumentId('news', news.slug),
    type: outage ? 'outage' : 'news',
    url: newsPath(news.slug),
    question: tidy(news.title),
    answerText: tidy(text.filter(Boolean).join(' ')),
    topic: '',
    topicTitle: settlements.join(', '),
    audience: 'all',
    ...(outage ? { details: { kind: 'period' as const, label: outage, text: tidy(news.period ?? '') } } : {}),
  };
}

/** Page of one tariff period: the site's own rule. */
export const tariffPeriodUrl = tariffPeriodPath;

const rubles = (kopecks: number) => `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;

/**
 * Maps a period of regulated household tariffs to the document both engines index: the title names the
 * period, the text lists every group's prices per kWh in words people search for («одноставочный»,
 * «день», «ночь», «руб. за кВт·ч») and the decree. The status line says whether it is in force.
 */
export function tariffPeriodToSearchDocument(period: Pick<TariffPeriod, 'slug' | 'title' | 'validFrom' | 'validTo' | 'decree' | 'rates'>): SearchDocument {
  const groups = TARIFF_GROUPS.flatMap((group) => {
    const schemes = ZONE_SCHEMES.flatMap((scheme) => {
      const prices = SCHEME_ZONES[scheme].flatMap((zone) => {
        const rate = period.rates.find((r) => r.group === group && r.scheme === scheme && r.zone === zone);
        return rate ? [`${scheme === 'single' ? '' : `${ZONE_NAMES[zone].toLowerCase()} `}${rubles(rate.priceKopecks)} руб. за кВт·ч`] : [];
      });
      return prices.length > 0 ? [`${ZONE_SCHEME_LABELS[scheme]}: ${prices.join(', ')}`] : [];
    });
    return schemes.length > 0 ? [`${TARIFF_GROUP_LABELS[group]}. ${schemes.join('; ')}.`] : [];
  });
  return {
    id: searchDocumentId('tariff', period.slug),
    type: 'tariff',
    url: tariffPeriodUrl(period.slug),
    question: tidy(`Тарифы на электроэнергию для населения ${period.title}`),
    answerText: tidy(`${groups.join(' ')} Постановление № ${period.decree.number}, ${period.decree.issuer}.`),
    topic: '',
    // The type label already says «Тариф»; a topic title would repeat it.
    topicTitle: '',
    audience: 'fl',
    details: { kind: 'validity', from: period.validFrom, to: period.validTo },
  };
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
