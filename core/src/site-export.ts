import { OUTAGE_STATES } from './outages';
import { ExportReviewSchema } from './review';
import { z } from 'zod';
import { AudienceSchema } from './audience';
import { RedirectListSchema } from './redirects';
import { AttachmentLimitsSchema, DEFAULT_ATTACHMENT_LIMITS } from './attachments';
import { DEFAULT_READINGS_WINDOW, ReadingsWindowSchema } from './readings-window';
import { IsoDateSchema } from './iso-date';
import { OfficeScheduleSchema } from './office-hours';
import { CalendarYearSchema } from './production-calendar';
import { TariffPeriodSchema, UnregulatedPriceSchema } from './tariffs';
import { ExportQuarterlyReportSchema } from './quarterly-report';
import { ExportQualityQuarterSchema } from './quality-indicators';
import { PublicQuestionnaireSchema } from './questionnaire';
import { ExportForumThreadSchema } from './forum-export';

/**
 * The published content snapshot the CMS serves at `GET /api/site-export` and the static site build reads.
 * Only published, public data: never appeals or anything personal.
 */
export const ExportTopicSchema = z.object({
  /** URL slug, transliterated Russian (e.g. `pokazaniya`). */
  slug: z.string(),
  /** Russian title shown to visitors. */
  title: z.string(),
  /** One-sentence description for the topic page. */
  description: z.string().default(''),
  /** Sort order in lists, ascending. */
  order: z.number().default(0),
});
export type ExportTopic = z.output<typeof ExportTopicSchema>;

export const ExportFaqSchema = z.object({
  /** URL slug of the entry, unique. */
  slug: z.string(),
  /** The question as a client would ask it. */
  question: z.string(),
  /** The answer rendered to HTML by the CMS (already escaped and safe to insert). */
  answerHtml: z.string(),
  /** The answer as plain text (for descriptions and search). */
  answerText: z.string(),
  /** Slug of the entry's topic. */
  topic: z.string(),
  audience: AudienceSchema,
  /** Slug of the office the entry is about (per-office FAQ), empty for general entries. */
  office: z.string().default(''),
  /** ISO timestamp of the last change. */
  updatedAt: z.string(),
});
export type ExportFaq = z.output<typeof ExportFaqSchema>;

export const ExportCompanySchema = z.object({
  name: z.string(),
  shortName: z.string(),
  region: z.string(),
  hotline: z.string(),
  email: z.string(),
  address: z.string().default(''),
  timeZone: z.string().default('Europe/Moscow'),
  /** Path of the privacy policy page on the site. */
  privacyPolicyUrl: z.string().default('/privacy/'),
  /** Hotline for individuals (B2C), empty when the company has one number for all ([001 L547], [002 L545]). */
  hotlineIndividuals: z.string().default(''),
  /** Hotline for organisations (B2B), empty when the company has one number for all ([001 L559]). */
  hotlineOrganisations: z.string().default(''),
  /** Address of the clients' personal account (личный кабинет), empty when the company has none: then nothing links to it. */
  personalAccountUrl: z.string().default(''),
});
export type ExportCompany = z.output<typeof ExportCompanySchema>;

/** A service of the application catalogue, as the application forms list it. */
export const ExportServiceSchema = z.object({
  /** Slug the form posts. */
  slug: z.string(),
  title: z.string(),
  /** `fl`, `ul` or `all`: which application form offers it. */
  audience: AudienceSchema,
  description: z.string().default(''),
  /** The price list of the service's paid work ([004 L711]), in the editors' order; empty when it has none. */
  prices: z
    .array(z.object({ item: z.string(), unit: z.string(), priceKopecks: z.number().int().positive() }))
    .default([]),
});
export type ExportService = z.output<typeof ExportServiceSchema>;

/** Settings of the public forms the pages explain (days readings are accepted, attachment limits). */
export const ExportFormSettingsSchema = z.object({
  readingsWindow: ReadingsWindowSchema.default(DEFAULT_READINGS_WINDOW),
  attachmentLimits: AttachmentLimitsSchema.default(DEFAULT_ATTACHMENT_LIMITS),
});
export type ExportFormSettings = z.output<typeof ExportFormSettingsSchema>;
/** A page of the tree (sections and their pages), with its full site path. */
export const ExportPageSchema = z.object({
  /** Site path with slashes, e.g. `/fizlicam/dogovor/`; at most four segments. */
  path: z.string(),
  slug: z.string(),
  /** Path of the parent page, null for a top-level section. */
  parentPath: z.string().nullable(),
  title: z.string(),
  /** Short description for lists and search engines. */
  summary: z.string().default(''),
  audience: AudienceSchema,
  /** Body rendered to safe HTML by the CMS. */
  bodyHtml: z.string().default(''),
  /** Sort order among siblings, ascending. */
  order: z.number().default(0),
  updatedAt: z.string(),
});
export type ExportPage = z.output<typeof ExportPageSchema>;

export const OFFICE_KINDS = ['office', 'payment-point'] as const;
export const OFFICE_KIND_LABELS: Record<(typeof OFFICE_KINDS)[number], string> = {
  office: 'Центр обслуживания клиентов',
  'payment-point': 'Пункт приёма платежей',
};

/** Equipment category of an office under the service standard: I (fullest) to III. */
export const OFFICE_CATEGORIES = ['I', 'II', 'III'] as const;

/** A customer service office (ЦОК) or a payment point, with its published schedule. */
export const ExportOfficeSchema = z.object({
  slug: z.string(),
  kind: z.enum(OFFICE_KINDS),
  name: z.string(),
  /** Town or village, for grouping. */
  settlement: z.string(),
  address: z.string(),
  /** WGS 84 coordinates. */
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Public transport stops nearby, with routes. */
  transport: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  email: z.string().default(''),
  /** Head of the office and their phone ([004 L722]); empty when not published. */
  headName: z.string().default(''),
  headPhone: z.string().default(''),
  schedule: OfficeScheduleSchema,
  services: z.array(z.string()).default([]),
  /** Ways to pay here, e.g. «касса без комиссии». */
  payment: z.array(z.string()).default([]),
  /** Features for visitors with disabilities. */
  accessibility: z.array(z.string()).default([]),
  category: z.enum(OFFICE_CATEGORIES).optional(),
  /** Equipment: self-service kiosk, electronic queue, payment terminal. */
  equipment: z.object({ kiosk: z.boolean(), electronicQueue: z.boolean(), terminal: z.boolean() }).default({ kiosk: false, electronicQueue: false, terminal: false }),
  /** Extra notes for visitors (parking, entrance). */
  note: z.string().default(''),
  /** True when the office takes bookings through the site (issue 20): its page links to /zapis/?office=<slug>. */
  bookable: z.boolean().optional(),
});
export type ExportOffice = z.output<typeof ExportOfficeSchema>;

export const NEWS_TYPES = ['tariff', 'planned-outage', 'emergency-outage', 'service', 'general'] as const;
export const NewsTypeSchema = z.enum(NEWS_TYPES);
export type NewsType = z.output<typeof NewsTypeSchema>;
export const NEWS_TYPE_LABELS: Record<NewsType, string> = {
  tariff: 'Изменение тарифов',
  'planned-outage': 'Плановое отключение',
  'emergency-outage': 'Аварийное отключение',
  service: 'Новая услуга',
  general: 'Новости компании',
};

/** A news item; urgent ones show a site-wide banner until `urgentUntil`. */
export const ExportNewsSchema = z.object({
  slug: z.string(),
  title: z.string(),
  type: NewsTypeSchema,
  /** Publication date, `YYYY-MM-DD`. */
  date: IsoDateSchema,
  /** Settlements affected (outages): their names as the client reads them. */
  settlements: z.array(z.string()).default([]),
  /** The same settlements as territory slugs (filters, feeds, subscriptions), in the same order. */
  settlementSlugs: z.array(z.string()).default([]),
  /** Streets within the settlements when the outage is not in the whole settlement (`settlement` is a slug). */
  streets: z.array(z.object({ settlement: z.string(), street: z.string() })).default([]),
  /** Outages: planned / ongoing / restored. */
  outageState: z.enum(OUTAGE_STATES).optional(),
  /** Outages: start and expected end, ISO instants (UTC); shown in the company time zone. */
  outageStart: z.iso.datetime({ offset: true }).optional(),
  outageEnd: z.iso.datetime({ offset: true }).optional(),
  /** Start and end of an outage or change, free text, e.g. «2 декабря с 9:00 до 17:00». */
  period: z.string().default(''),
  summary: z.string(),
  bodyHtml: z.string().default(''),
  urgent: z.boolean().default(false),
  /** Last day the banner is shown, `YYYY-MM-DD` (inclusive, company time zone). */
  urgentUntil: IsoDateSchema.optional(),
});
export type ExportNews = z.output<typeof ExportNewsSchema>;

/** A short anonymised summary of an answer to a complaint. */
export const ExportComplaintSummarySchema = z.object({
  /** Topic slug. */
  topic: z.string(),
  /** Month of the answer, `YYYY-MM`. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  summary: z.string(),
});
export type ExportComplaintSummary = z.output<typeof ExportComplaintSummarySchema>;

export const DOCUMENT_KINDS = ['contract-form', 'sample', 'standard', 'amendment', 'regulation', 'other'] as const;
export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  'contract-form': 'Типовые формы договоров',
  sample: 'Образцы заявлений и документов',
  standard: 'Стандарт обслуживания клиентов',
  amendment: 'Изменения стандарта обслуживания',
  regulation: 'Нормативные документы',
  other: 'Прочие документы',
};

/** A published document with its versions (the newest first). */
export const ExportDocumentSchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  audience: AudienceSchema,
  description: z.string().default(''),
  versions: z.array(
    z.object({
      version: z.string(),
      approvedAt: IsoDateSchema,
      note: z.string().default(''),
      /** Site path of the file, empty when only the description is published. */
      fileUrl: z.string().default(''),
      fileName: z.string().default(''),
      fileSize: z.number().int().nonnegative().default(0),
    }),
  ),
});
export type ExportDocument = z.output<typeof ExportDocumentSchema>;

/** A useful external link (regulator, consumer office, state services). */
export const ExportLinkSchema = z.object({
  title: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  description: z.string().default(''),
  group: z.string().default(''),
});
export type ExportLink = z.output<typeof ExportLinkSchema>;

/** A settlement or district clients may choose in the forms (optional «Населённый пункт / район»). */
export const ExportTerritorySchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** Streets an outage or a subscription may name (empty: only the whole settlement). */
  streets: z.array(z.string()).default([]),
});
export type ExportTerritory = z.output<typeof ExportTerritorySchema>;

export const SiteExportSchema = z.object({
  generatedAt: z.string(),
  company: ExportCompanySchema,
  topics: z.array(ExportTopicSchema),
  faq: z.array(ExportFaqSchema),
  /** Old addresses answered with 301 by the public server (written to the build as `_redirects.json`). */
  redirects: RedirectListSchema.default([]),
  /** Active services of the application forms, in catalogue order. */
  services: z.array(ExportServiceSchema).default([]),
  forms: ExportFormSettingsSchema.default({ readingsWindow: DEFAULT_READINGS_WINDOW, attachmentLimits: DEFAULT_ATTACHMENT_LIMITS }),
  pages: z.array(ExportPageSchema).default([]),
  tariffPeriods: z.array(TariffPeriodSchema).default([]),
  unregulatedPrices: z.array(UnregulatedPriceSchema).default([]),
  offices: z.array(ExportOfficeSchema).default([]),
  news: z.array(ExportNewsSchema).default([]),
  complaintSummaries: z.array(ExportComplaintSummarySchema).default([]),
  /** Published quarterly reports on appeals, newest first: counts only, small ones hidden. */
  quarterlyReports: z.array(ExportQuarterlyReportSchema).default([]),
  /** Published questionnaires whose last day has not passed; the build shows those running on its day. */
  questionnaires: z.array(PublicQuestionnaireSchema).default([]),
  /** Quality indicators (on-time share, satisfaction) of the last completed quarters, newest first; aggregates only. */
  qualityIndicators: z.array(ExportQualityQuarterSchema).default([]),
  documents: z.array(ExportDocumentSchema).default([]),
  links: z.array(ExportLinkSchema).default([]),
  /** Production calendar years, so office hours can be computed in the browser on holidays. */
  calendar: z.array(CalendarYearSchema).default([]),
  /** Territories for the forms' optional «Населённый пункт / район» choice, in display order. */
  territories: z.array(ExportTerritorySchema).default([]),
  /** Approved reviews («Отзывы о Компании», issue 22), newest first, with the company's official replies. */
  reviews: z.array(ExportReviewSchema).default([]),
  /** Published forum threads with their published posts (core/src/forum.ts); sections are the topics. */
  forumThreads: z.array(ExportForumThreadSchema).default([]),
});
export type SiteExport = z.output<typeof SiteExportSchema>;
