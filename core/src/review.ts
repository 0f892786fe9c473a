import { z } from 'zod';
import { PublicPostBaseSchema } from './moderation';

/**
 * «Отзывы о Компании» (issue 22): a client's rating 1–5 of an office or of a channel of service, with a text; shown on
 * /otzyvy/ once a moderator approves it, with the company's official reply.
 */

/** Channels a review may be about when it is not about one office (service standards 8.1.3: site, ЛКК, IVR, chat…). */
export const REVIEW_CHANNELS = ['office', 'site', 'personal-account', 'phone', 'chat', 'email', 'other'] as const;
export type ReviewChannel = (typeof REVIEW_CHANNELS)[number];

export const REVIEW_CHANNEL_LABELS: Record<ReviewChannel, string> = {
  office: 'Визит в офис',
  site: 'Сайт',
  'personal-account': 'Личный кабинет',
  phone: 'Телефон (горячая линия)',
  chat: 'Онлайн-чат',
  email: 'Электронная почта',
  other: 'Другое',
};

export const REVIEW_MESSAGES = {
  rating: 'Поставьте оценку от 1 до 5',
  channel: 'Выберите, о чём отзыв',
  office: 'Выберите офис из списка',
} as const;

/** The review form as the endpoint reads it (JSON from the island or the no-JS form's fields). */
export const ReviewSubmissionSchema = PublicPostBaseSchema.extend({
  rating: z.coerce.number({ error: REVIEW_MESSAGES.rating }).int(REVIEW_MESSAGES.rating).min(1, REVIEW_MESSAGES.rating).max(5, REVIEW_MESSAGES.rating),
  channel: z.enum(REVIEW_CHANNELS, { error: REVIEW_MESSAGES.channel }),
  /** The office's slug; required when the channel is «Визит в офис», ignored otherwise. */
  office: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^[a-z0-9-]{1,100}$/, REVIEW_MESSAGES.office).optional()),
}).superRefine((value, context) => {
  if (value.channel === 'office' && !value.office) context.addIssue({ code: 'custom', path: ['office'], message: REVIEW_MESSAGES.office });
});
export type ReviewSubmission = z.output<typeof ReviewSubmissionSchema>;

/** schema.org AggregateRating figures of a set of ratings: the mean to one decimal (half up) and the count. */
export function aggregateRating(ratings: readonly number[]): { ratingValue: number; reviewCount: number } | null {
  if (ratings.length === 0) return null;
  const sum = ratings.reduce((total, rating) => total + rating, 0);
  return { ratingValue: Math.round((sum / ratings.length) * 10) / 10, reviewCount: ratings.length };
}

/** Where approved reviews are published. */
export { REVIEWS_PATH } from './site-paths';

/**
 * One approved review as the site export carries it: only what the page shows. The author's e-mail, the consent,
 * the moderation record and redactions never leave the CMS.
 */
export const ExportReviewSchema = z.object({
  id: z.string(),
  rating: z.number().int().min(1).max(5),
  channel: z.enum(REVIEW_CHANNELS),
  /** The office's slug when the review is about a published office, else null. */
  office: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  /** When it was approved (ISO instant): the page lists newest first. */
  approvedAt: z.string(),
  /** True when a moderator edited personal data out of the text (the page says «Текст сокращён модератором»). */
  redacted: z.boolean(),
  officialReply: z.object({ text: z.string(), at: z.string().nullable() }).nullable(),
});
export type ExportReview = z.output<typeof ExportReviewSchema>;
