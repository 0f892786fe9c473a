import { z } from 'zod';

/**
 * The published forum as the site export carries it (core/src/site-export.ts): imported by the export contract, which
 * the browser's islands load too, so it holds only zod and these shapes; the forum's rules are in ./forum.ts.
 */

/** Thread states: a closed thread is shown but takes no replies. */
export const FORUM_THREAD_STATES = ['open', 'closed'] as const;
export type ForumThreadState = (typeof FORUM_THREAD_STATES)[number];

/** A published post as the site build receives it: the author's shown name only, never an address. */
export const ExportForumPostSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  authorName: z.string(),
  /** A staff answer, shown as «Ответ сотрудника». */
  official: z.boolean().default(false),
  approvedAt: z.string(),
});
export type ExportForumPost = z.output<typeof ExportForumPostSchema>;

/** A published thread with its published posts (oldest first); `section` is the topic's slug. */
export const ExportForumThreadSchema = z.object({
  id: z.union([z.string(), z.number()]),
  section: z.string(),
  title: z.string(),
  text: z.string(),
  authorName: z.string(),
  state: z.enum(FORUM_THREAD_STATES).default('open'),
  pinned: z.boolean().default(false),
  approvedAt: z.string(),
  lastActivityAt: z.string(),
  posts: z.array(ExportForumPostSchema).default([]),
});
export type ExportForumThread = z.output<typeof ExportForumThreadSchema>;
