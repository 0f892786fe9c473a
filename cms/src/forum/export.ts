import type { Payload } from 'payload';
import { lastActivity, type ExportForumThread } from '@portal/core/forum';
import { COLLECTIONS } from '../slugs';

type Id = number | string;
type Row = Record<string, unknown> & { id: Id };
const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The forum for the site export: approved threads in a known section with their approved posts, oldest first. Only
 * what the public sees leaves the CMS — the texts as moderated, the authors' shown names, the staff-answer mark;
 * never an e-mail, a consent or the moderation record (the fields are picked one by one, not spread).
 */
export async function exportForum(payload: Payload, topicSlugs: ReadonlyMap<string, string>): Promise<ExportForumThread[]> {
  const approved = { moderationState: { equals: 'approved' } };
  const [threads, posts] = await Promise.all([
    payload.find({ collection: COLLECTIONS.forumThreads, where: approved, pagination: false, depth: 0, overrideAccess: true, sort: 'approvedAt' }),
    payload.find({ collection: COLLECTIONS.forumPosts, where: approved, pagination: false, depth: 0, overrideAccess: true, sort: 'approvedAt' }),
  ]);
  const byThread = new Map<string, Row[]>();
  for (const post of posts.docs as unknown as Row[]) {
    const key = String(idOf(post.thread));
    byThread.set(key, [...(byThread.get(key) ?? []), post]);
  }
  return (threads.docs as unknown as Row[]).flatMap((thread) => {
    const section = topicSlugs.get(String(idOf(thread.section)));
    const approvedAt = str(thread.approvedAt);
    if (!section || !approvedAt) return [];
    const threadPosts = (byThread.get(String(thread.id)) ?? []).filter((post) => str(post.approvedAt));
    return [
      {
        id: thread.id,
        section,
        title: str(thread.title),
        text: str(thread.text),
        authorName: str(thread.authorName),
        state: thread.state === 'closed' ? 'closed' : 'open',
        pinned: thread.pinned === true,
        approvedAt,
        lastActivityAt: lastActivity(approvedAt, threadPosts.map((post) => str(post.approvedAt))),
        posts: threadPosts.map((post) => ({ id: post.id, text: str(post.text), authorName: str(post.authorName), official: post.official === true, approvedAt: str(post.approvedAt) })),
      },
    ];
  });
}
