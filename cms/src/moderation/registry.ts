import type { Payload } from 'payload';
import { REVIEW_CHANNEL_LABELS, REVIEW_MESSAGES, ReviewSubmissionSchema, REVIEWS_PATH, type ReviewChannel } from '@portal/core/review';
import { COLLECTIONS } from '../slugs';
import { parseForumReply, parseForumThread, replyContext, replyPublicPath, threadContext, threadPublicPath } from '../forum/submissions';
import type { ParsedSubmission, SubmissionIssue } from '@portal/core/moderation-submission';

export type { ParsedSubmission, SubmissionIssue } from '@portal/core/moderation-submission';

/** One collection whose documents the public writes and moderators approve. */
export interface ModeratedCollection {
  slug: string;
  /** Russian name in the queue, e.g. «Отзыв». */
  label: string;
  /** The field holding the text the moderator reads and may redact. */
  textField: string;
  /** One line of context for the queue (what a review rates, which thread a post is in); plain text. */
  contextOf: (doc: Record<string, unknown>) => string;
  /** The public page the document appears on once approved (named in the rebuild request). */
  publicPath: (doc: Record<string, unknown>) => string;
  /** Checks a public form's body (JSON or the no-JS form's fields) and resolves references (an office's slug). */
  parseSubmission: (payload: Payload, body: unknown) => Promise<ParsedSubmission>;
}

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }): SubmissionIssue[] => error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));

async function parseReview(payload: Payload, body: unknown): Promise<ParsedSubmission> {
  const parsed = ReviewSubmissionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { authorName, authorEmail, text, rating, channel, office } = parsed.data;
  let officeId: number | string | null = null;
  if (channel === 'office') {
    const found = await payload.find({ collection: COLLECTIONS.offices, where: { and: [{ slug: { equals: office } }, { _status: { equals: 'published' } }] }, limit: 1, depth: 0, overrideAccess: true });
    const row = found.docs[0] as { id: number | string } | undefined;
    if (!row) return { ok: false, issues: [{ path: ['office'], message: REVIEW_MESSAGES.office }] };
    officeId = row.id;
  }
  return { ok: true, input: { authorName, authorEmail, text, data: { rating, channel, office: officeId } } };
}

const officeName = (value: unknown): string | null => (value && typeof value === 'object' ? String((value as { name?: unknown }).name ?? '') || null : null);

/**
 * Every moderated collection: the queue (/admin/moderation), the actions and the public write path work from this
 * list. A new moderated collection adds `moderationFields()` to its fields and one entry here.
 */
export const MODERATED_COLLECTIONS: readonly ModeratedCollection[] = [
  {
    slug: COLLECTIONS.reviews,
    label: 'Отзыв',
    textField: 'text',
    contextOf: (doc) => {
      const about = officeName(doc.office) ?? REVIEW_CHANNEL_LABELS[doc.channel as ReviewChannel] ?? '';
      return `Оценка ${String(doc.rating ?? '—')} из 5 · ${about}`;
    },
    publicPath: () => REVIEWS_PATH,
    parseSubmission: parseReview,
  },
  { slug: COLLECTIONS.forumThreads, label: 'Тема форума', textField: 'text', contextOf: threadContext, publicPath: threadPublicPath, parseSubmission: parseForumThread },
  { slug: COLLECTIONS.forumPosts, label: 'Сообщение форума', textField: 'text', contextOf: replyContext, publicPath: replyPublicPath, parseSubmission: parseForumReply },
];

/** The registry entry of a slug, or undefined when the collection is not moderated (so an action on it is refused). */
export function moderatedCollection(slug: string): ModeratedCollection | undefined {
  return MODERATED_COLLECTIONS.find((entry) => entry.slug === slug);
}
