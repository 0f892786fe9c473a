import {
  FORUM_PATH,
  FORUM_POSTS_PER_PAGE,
  forumPage,
  forumPageCount,
  forumSections,
  forumThreadPath,
  orderThreads,
  type ExportForumThread,
  type ForumSection,
} from '@portal/core/forum';
import type { SiteExport } from '@portal/core/site-export';
import { sortTopics } from './faq-catalog';

/** One post as a thread page shows it: the opening post first, then the replies. */
export interface ForumPostView {
  id: string;
  authorName: string;
  text: string;
  official: boolean;
  approvedAt: string;
}

/** A section with its threads in list order. */
export interface ForumSectionView extends ForumSection {
  threads: ExportForumThread[];
}

/** One page of a thread, as `getStaticPaths` hands it to the page. */
export interface ForumThreadPageView {
  section: ForumSection;
  thread: ExportForumThread;
  page: number;
  pageCount: number;
  posts: ForumPostView[];
  /** Paths of every page of the thread, first page first. */
  pagePaths: string[];
}

/** Every forum section (one per topic of the classifier) with its published threads, pinned first, then recent. */
export function forumSectionViews(data: Pick<SiteExport, 'topics' | 'forumThreads'>): ForumSectionView[] {
  return forumSections(sortTopics(data.topics)).map((section) => ({
    ...section,
    threads: orderThreads(data.forumThreads.filter((thread) => thread.section === section.slug)),
  }));
}

/** The posts of a thread in reading order: the opening post (the thread's own text) and its replies by approval. */
export function threadPosts(thread: ExportForumThread): ForumPostView[] {
  return [
    { id: `t${String(thread.id)}`, authorName: thread.authorName, text: thread.text, official: false, approvedAt: thread.approvedAt },
    ...thread.posts.map((post) => ({ id: String(post.id), authorName: post.authorName, text: post.text, official: post.official, approvedAt: post.approvedAt })),
  ];
}

/** Every page of every published thread. */
export function forumThreadPages(data: Pick<SiteExport, 'topics' | 'forumThreads'>, perPage = FORUM_POSTS_PER_PAGE): ForumThreadPageView[] {
  return forumSectionViews(data).flatMap((section) =>
    section.threads.flatMap((thread) => {
      const posts = threadPosts(thread);
      const pageCount = forumPageCount(posts.length, perPage);
      const pagePaths = Array.from({ length: pageCount }, (_, i) => forumThreadPath(section.slug, thread.id, i + 1));
      return pagePaths.map((_, i) => ({ section, thread, page: i + 1, pageCount, posts: forumPage(posts, i + 1, perPage), pagePaths }));
    }),
  );
}

/** Paragraphs of a visitor's plain text (blank lines split them); the page escapes them as text. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
}

export { FORUM_PATH };
