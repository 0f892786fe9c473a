import { ForumReplySubmissionSchema, ForumThreadSubmissionSchema, FORUM_MESSAGES, forumThreadPath, threadAcceptsReplies } from '@portal/core/forum';
import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import type { ParsedSubmission, SubmissionIssue } from '@portal/core/moderation-submission';

/**
 * The forum's two moderated collections as the pipeline's registry needs them (cms/src/moderation/registry.ts):
 * checking a public form's body and resolving what it names (a section's slug, a thread that takes replies).
 */
type Id = number | string;
const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));
const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }): SubmissionIssue[] => error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));

/** A new thread: the section must be a topic of the classifier. */
export async function parseForumThread(payload: Payload, body: unknown): Promise<ParsedSubmission> {
  const parsed = ForumThreadSubmissionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { authorName, authorEmail, text, section, title } = parsed.data;
  const found = await payload.find({ collection: COLLECTIONS.topics, where: { slug: { equals: section } }, limit: 1, depth: 0, overrideAccess: true });
  const topic = found.docs[0] as { id: Id } | undefined;
  if (!topic) return { ok: false, issues: [{ path: ['section'], message: FORUM_MESSAGES.section }] };
  return { ok: true, input: { authorName, authorEmail, text, data: { section: topic.id, title, state: 'open', pinned: false } } };
}

/** A reply: the thread must be on the site (approved) and open. */
export async function parseForumReply(payload: Payload, body: unknown): Promise<ParsedSubmission> {
  const parsed = ForumReplySubmissionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const { authorName, authorEmail, text, thread: threadId } = parsed.data;
  const thread = (await payload.findByID({ collection: COLLECTIONS.forumThreads, id: threadId, depth: 0, overrideAccess: true, disableErrors: true })) as { id: Id; state?: string; moderationState?: string } | null;
  if (!thread || thread.moderationState !== 'approved') return { ok: false, issues: [{ path: ['thread'], message: FORUM_MESSAGES.thread }] };
  if (!threadAcceptsReplies(thread)) return { ok: false, issues: [{ path: ['thread'], message: FORUM_MESSAGES.closed }] };
  return { ok: true, input: { authorName, authorEmail, text, data: { thread: thread.id } } };
}

/** The queue's context line of a thread: its title and section. */
export const threadContext = (doc: Record<string, unknown>): string => {
  const section = doc.section && typeof doc.section === 'object' ? String((doc.section as { title?: unknown }).title ?? '') : '';
  return `Новая тема «${String(doc.title ?? '')}»${section ? ` · раздел «${section}»` : ''}`;
};

/** The queue's context line of a reply: the thread it answers. */
export const replyContext = (doc: Record<string, unknown>): string => {
  const thread = doc.thread && typeof doc.thread === 'object' ? String((doc.thread as { title?: unknown }).title ?? '') : `#${String(idOf(doc.thread) ?? '')}`;
  return `Ответ в теме «${thread}»`;
};

const sectionSlug = (value: unknown): string => (value && typeof value === 'object' ? String((value as { slug?: unknown }).slug ?? '') : '');

/** A thread's page (when the queue loads the section with it), else the forum. */
export const threadPublicPath = (doc: Record<string, unknown>): string => {
  const slug = sectionSlug(doc.section);
  return slug ? forumThreadPath(slug, String(doc.id)) : '/forum/';
};

/** A reply's thread page (when loaded with its thread and section), else the forum. */
export const replyPublicPath = (doc: Record<string, unknown>): string => {
  const thread = doc.thread && typeof doc.thread === 'object' ? (doc.thread as Record<string, unknown>) : null;
  const slug = thread ? sectionSlug(thread.section) : '';
  return thread && slug ? forumThreadPath(slug, String(thread.id)) : '/forum/';
};
