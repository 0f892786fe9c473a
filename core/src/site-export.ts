import { z } from 'zod';
import { AudienceSchema } from './audience';
import { RedirectListSchema } from './redirects';
import { AttachmentLimitsSchema, DEFAULT_ATTACHMENT_LIMITS } from './attachments';
import { DEFAULT_READINGS_WINDOW, ReadingsWindowSchema } from './readings-window';

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
  /** ISO timestamp of the last change. */
  updatedAt: z.string(),
});
export type ExportFaq = z.output<typeof ExportFaqSchema>;

export const ExportOfficeSchema = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string().default(''),
  /** Free-form weekly hours, e.g. «пн–чт 8:00–17:00, пт 8:00–16:00, обед 12:00–12:45». */
  hours: z.string().default(''),
});

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
  offices: z.array(ExportOfficeSchema).default([]),
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
});
export type ExportService = z.output<typeof ExportServiceSchema>;

/** Settings of the public forms the pages explain (days readings are accepted, attachment limits). */
export const ExportFormSettingsSchema = z.object({
  readingsWindow: ReadingsWindowSchema.default(DEFAULT_READINGS_WINDOW),
  attachmentLimits: AttachmentLimitsSchema.default(DEFAULT_ATTACHMENT_LIMITS),
});
export type ExportFormSettings = z.output<typeof ExportFormSettingsSchema>;

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
});
export type SiteExport = z.output<typeof SiteExportSchema>;
