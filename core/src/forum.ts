/**
 * The moderated forum (issue 22; standards 000 L499–501 «Форум — обсуждение вопросов взаимодействия с Компанией,
 * форум модерируется»): sections from the topic classifier, thread pages, ordering of threads in a section.
 * Pure: the CMS, the site build and the public server share these rules.
 *
 * Addresses, never deeper than four levels (core/src/page-tree.ts MAX_PAGE_DEPTH):
 * `/forum/` → `/forum/<section>/` → `/forum/<section>/<thread>/` → `/forum/<section>/<thread>/<page>/` (page ≥ 2).
 */
import { z } from 'zod';
import { PublicPostBaseSchema } from './moderation';
import { MAX_PAGE_DEPTH } from './page-tree';
import { HIDDEN_PERSONAL_DATA, maskPersonalData } from './questionnaire';

/** The forum's front page: the list of sections. */
export const FORUM_PATH = '/forum/';

/** Posts on one page of a thread, the opening post included on the first page. */
export const FORUM_POSTS_PER_PAGE = 20;

/** Thread states and the published forum's shape: a small module of their own, so the site export stays light. */
export { FORUM_THREAD_STATES, ExportForumPostSchema, ExportForumThreadSchema } from './forum-export';
export type { ForumThreadState, ExportForumPost, ExportForumThread } from './forum-export';
import { FORUM_THREAD_STATES, type ForumThreadState } from './forum-export';
export const FORUM_THREAD_STATE_LABELS: Record<ForumThreadState, string> = {
  open: 'Открыта',
  closed: 'Закрыта',
};

/** The label of a staff answer on the site. */
export const STAFF_ANSWER_LABEL = 'Ответ сотрудника';

/** Why a reply to a closed thread is refused (shown to the visitor). */
export const CLOSED_THREAD_MESSAGE = 'Эта тема закрыта: новые сообщения в ней не принимаются. Вы можете открыть новую тему в разделе.';

/** A topic of the classifier as the forum sees it. */
export interface ForumTopic {
  slug: string;
  title: string;
  description?: string | null;
  order?: number | null;
}

/** A forum section: one per topic of the classifier, in the classifier's order. */
export interface ForumSection {
  slug: string;
  title: string;
  description: string;
  path: string;
}

/** Sections of the forum from the topic classifier: ordered by `order`, then title (Russian collation). */
export function forumSections(topics: readonly ForumTopic[]): ForumSection[] {
  return [...topics]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.title.localeCompare(b.title, 'ru'))
    .map((topic) => ({
      slug: topic.slug,
      title: topic.title,
      description: topic.description ?? '',
      path: forumSectionPath(topic.slug),
    }));
}

/** A section's page, e.g. `/forum/oplata/`. */
export function forumSectionPath(sectionSlug: string): string {
  return `${FORUM_PATH}${encodeURIComponent(sectionSlug)}/`;
}

/**
 * A thread's page: the first page has no number (`/forum/oplata/42/`), later pages do (`/forum/oplata/42/2/`).
 * Threads are addressed by their id: titles are written by visitors and may change at moderation.
 */
export function forumThreadPath(sectionSlug: string, threadId: string | number, page = 1): string {
  const base = `${forumSectionPath(sectionSlug)}${encodeURIComponent(String(threadId))}/`;
  return page > 1 ? `${base}${page}/` : base;
}

/** Levels of a site path below the root: `/forum/a/1/2/` is 4. */
export function pathDepth(path: string): number {
  return path.split('/').filter(Boolean).length;
}

/** True when every forum address stays within the standards' nesting limit (the deepest is a later thread page). */
export const FORUM_DEPTH_WITHIN_LIMIT = pathDepth(forumThreadPath('s', 1, 2)) <= MAX_PAGE_DEPTH;

/** Pages of a thread with `postCount` posts: at least one (a thread always shows its opening post). */
export function forumPageCount(postCount: number, perPage = FORUM_POSTS_PER_PAGE): number {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError('perPage must be a positive integer');
  return Math.max(1, Math.ceil(Math.max(0, postCount) / perPage));
}

/** The posts shown on page `page` (1-based) of a thread; empty beyond the last page. */
export function forumPage<T>(posts: readonly T[], page: number, perPage = FORUM_POSTS_PER_PAGE): T[] {
  if (!Number.isInteger(page) || page < 1) return [];
  forumPageCount(posts.length, perPage);
  return posts.slice((page - 1) * perPage, page * perPage);
}

/** The page of a thread that shows the post at 0-based position `index` (for a link straight to a reply). */
export function forumPageOfPost(index: number, perPage = FORUM_POSTS_PER_PAGE): number {
  return Math.floor(Math.max(0, index) / perPage) + 1;
}

/** What ordering needs of a thread. Times are ISO 8601 strings. */
export interface OrderableThread {
  id: string | number;
  pinned?: boolean | null;
  /** When the thread or its last approved post was approved. */
  lastActivityAt: string;
}

/** Threads of a section as listed: pinned first, then the most recent activity first; ties by the newer id. */
export function orderThreads<T extends OrderableThread>(threads: readonly T[]): T[] {
  return [...threads].sort((a, b) => {
    const pinned = Number(Boolean(b.pinned)) - Number(Boolean(a.pinned));
    if (pinned !== 0) return pinned;
    const activity = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
    if (activity !== 0) return activity;
    return String(b.id).localeCompare(String(a.id), 'en', { numeric: true });
  });
}

/**
 * A thread's last activity: the latest of its own approval and its approved posts' approvals.
 * Posts not approved never count (an unapproved reply must not lift a thread).
 */
export function lastActivity(threadApprovedAt: string, postApprovals: readonly (string | null | undefined)[]): string {
  let latest = threadApprovedAt;
  for (const at of postApprovals) {
    if (at && Date.parse(at) > Date.parse(latest)) latest = at;
  }
  return latest;
}

/** Whether a thread takes replies. */
export function threadAcceptsReplies(thread: { state?: string | null }): boolean {
  return thread.state !== 'closed';
}

/**
 * The text of a FAQ draft made from a forum post: what the personal-data guard finds, and the author's shown name,
 * replaced by «[скрыто]». An editor finishes the draft; nothing here is published by itself.
 */
export function faqDraftText(postText: string, authorName?: string | null): string {
  let text = maskPersonalData(postText);
  const name = authorName?.trim();
  // A name shorter than three letters would also hide parts of ordinary words.
  if (name && name.length >= 3) text = text.split(name).join(HIDDEN_PERSONAL_DATA);
  return text.trim();
}

/** A FAQ question from a thread title: at most 300 characters (the FAQ field's limit), personal data masked. */
export function faqDraftQuestion(threadTitle: string): string {
  const question = maskPersonalData(threadTitle).trim();
  return question.length > 300 ? `${question.slice(0, 299)}…` : question;
}


/** Limits of a thread's title. */
export const FORUM_TITLE_LIMITS = { min: 5, max: 150 } as const;

export const FORUM_MESSAGES = {
  section: 'Выберите раздел форума',
  title: `Напишите заголовок темы: от ${FORUM_TITLE_LIMITS.min} до ${FORUM_TITLE_LIMITS.max} символов`,
  thread: 'Тема не найдена: возможно, её перенесли или удалили. Пожалуйста, откройте тему заново со страницы форума.',
  closed: CLOSED_THREAD_MESSAGE,
} as const;

/** A new thread from the public form: the section's slug, a title and the first post with the author's details. */
export const ForumThreadSubmissionSchema = PublicPostBaseSchema.extend({
  section: z.string({ error: FORUM_MESSAGES.section }).trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, FORUM_MESSAGES.section).max(100, FORUM_MESSAGES.section),
  title: z.string({ error: FORUM_MESSAGES.title }).trim().min(FORUM_TITLE_LIMITS.min, FORUM_MESSAGES.title).max(FORUM_TITLE_LIMITS.max, FORUM_MESSAGES.title),
});
export type ForumThreadSubmission = z.output<typeof ForumThreadSubmissionSchema>;

/** A reply from the public form: the thread's id and the post with the author's details. */
export const ForumReplySubmissionSchema = PublicPostBaseSchema.extend({
  thread: z.union([z.string(), z.number()], { error: FORUM_MESSAGES.thread }).transform(String).pipe(z.string().regex(/^[0-9]{1,12}$/, FORUM_MESSAGES.thread)),
});
export type ForumReplySubmission = z.output<typeof ForumReplySubmissionSchema>;
