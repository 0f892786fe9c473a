import { describe, expect, it } from 'vitest';
import type { ExportForumThread } from '@portal/core/forum';
import { forumSectionViews, forumThreadPages, threadPosts } from '../src/lib/forum';
import { routeDepth } from '../src/integrations/route-depth';

const topics = [
  { slug: 'oplata', title: 'Оплата', description: '', order: 1 },
  { slug: 'dogovor', title: 'Договор', description: '', order: 2 },
];

const reply = (id: number, day: number, official = false) => ({ id, text: `Ответ ${id}`, authorName: official ? 'Специалист Компании' : 'Ирина', official, approvedAt: `2026-12-${String(day).padStart(2, '0')}T09:00:00.000Z` });

function thread(id: number, replies: number, extra: Partial<ExportForumThread> = {}): ExportForumThread {
  return {
    id,
    section: 'oplata',
    title: `Тема ${id}`,
    text: 'Первое сообщение',
    authorName: 'Пётр',
    state: 'open',
    pinned: false,
    approvedAt: '2026-12-01T08:00:00.000Z',
    lastActivityAt: '2026-12-01T08:00:00.000Z',
    posts: Array.from({ length: replies }, (_, i) => reply(100 * id + i, 2)),
    ...extra,
  };
}

describe('forum pages of the site', () => {
  it('builds a thread of 44 replies (45 posts with the opening one) as pages 1, 2 and 3, four levels deep at most', () => {
    const pages = forumThreadPages({ topics: topics as never, forumThreads: [thread(7, 44)] });
    expect(pages.map((view) => view.pagePaths[view.page - 1])).toEqual(['/forum/oplata/7/', '/forum/oplata/7/2/', '/forum/oplata/7/3/']);
    expect(pages.map((view) => view.posts.length)).toEqual([20, 20, 5]);
    // The opening post leads page 1.
    expect(pages[0]!.posts[0]!.text).toBe('Первое сообщение');
    for (const view of pages) expect(routeDepth(view.pagePaths[view.page - 1]!)).toBeLessThanOrEqual(4);
  });

  it('has a section per topic, empty ones too, with pinned threads first and then the latest activity', () => {
    const sections = forumSectionViews({
      topics: topics as never,
      forumThreads: [
        thread(1, 0, { lastActivityAt: '2026-12-05T08:00:00.000Z' }),
        thread(2, 0, { pinned: true, lastActivityAt: '2026-11-01T08:00:00.000Z' }),
        thread(3, 0, { lastActivityAt: '2026-12-06T08:00:00.000Z' }),
      ],
    });
    expect(sections.map((section) => [section.path, section.threads.map((t) => t.id)])).toEqual([
      ['/forum/oplata/', [2, 3, 1]],
      ['/forum/dogovor/', []],
    ]);
  });

  it('keeps the staff mark of an answer for the page to highlight', () => {
    const posts = threadPosts(thread(9, 0, { posts: [reply(1, 3), reply(2, 4, true)] }));
    expect(posts.map((post) => post.official)).toEqual([false, false, true]);
  });
});
