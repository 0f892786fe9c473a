import { describe, expect, it } from 'vitest';
import {
  FORUM_DEPTH_WITHIN_LIMIT,
  faqDraftQuestion,
  faqDraftText,
  forumPage,
  forumPageCount,
  forumPageOfPost,
  forumSectionPath,
  forumSections,
  forumThreadPath,
  lastActivity,
  orderThreads,
  pathDepth,
  threadAcceptsReplies,
} from './forum';

describe('forum sections', () => {
  it('lists one section per classifier topic, in the classifier order, each with its page', () => {
    const sections = forumSections([
      { slug: 'pokazaniya', title: 'Показания', order: 2 },
      { slug: 'oplata', title: 'Оплата', order: 1, description: 'Счета и оплата' },
      { slug: 'dogovor', title: 'Договор', order: 2 },
    ]);
    expect(sections).toEqual([
      { slug: 'oplata', title: 'Оплата', description: 'Счета и оплата', path: '/forum/oplata/' },
      // Same order: alphabetical in Russian, «Д» before «П».
      { slug: 'dogovor', title: 'Договор', description: '', path: '/forum/dogovor/' },
      { slug: 'pokazaniya', title: 'Показания', description: '', path: '/forum/pokazaniya/' },
    ]);
  });
});

describe('forum addresses', () => {
  it('gives the first page of a thread no number and later pages their number', () => {
    expect(forumSectionPath('oplata')).toBe('/forum/oplata/');
    expect(forumThreadPath('oplata', 42)).toBe('/forum/oplata/42/');
    expect(forumThreadPath('oplata', 42, 1)).toBe('/forum/oplata/42/');
    expect(forumThreadPath('oplata', 42, 3)).toBe('/forum/oplata/42/3/');
  });

  it('never goes deeper than four levels below the site root', () => {
    expect(pathDepth('/forum/')).toBe(1);
    expect(pathDepth(forumThreadPath('oplata', 42, 12))).toBe(4);
    expect(FORUM_DEPTH_WITHIN_LIMIT).toBe(true);
  });
});

describe('thread pages', () => {
  it('splits 45 posts at 20 a page into 20, 20 and 5', () => {
    const posts = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(forumPageCount(45, 20)).toBe(3);
    expect(forumPage(posts, 1, 20)).toEqual(posts.slice(0, 20));
    expect(forumPage(posts, 2, 20)[0]).toBe(21);
    expect(forumPage(posts, 3, 20)).toEqual([41, 42, 43, 44, 45]);
    expect(forumPage(posts, 4, 20)).toEqual([]);
    expect(forumPage(posts, 0, 20)).toEqual([]);
  });

  it('has exactly one page for 0, 1 and 20 posts and two for 21', () => {
    expect(forumPageCount(0, 20)).toBe(1);
    expect(forumPageCount(1, 20)).toBe(1);
    expect(forumPageCount(20, 20)).toBe(1);
    expect(forumPageCount(21, 20)).toBe(2);
  });

  it('finds the page of a post by its position: the 20th is on page 1, the 21st on page 2', () => {
    expect(forumPageOfPost(19, 20)).toBe(1);
    expect(forumPageOfPost(20, 20)).toBe(2);
    expect(forumPageOfPost(40, 20)).toBe(3);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => forumPageCount(10, 0)).toThrow(RangeError);
    expect(() => forumPageCount(10, 2.5)).toThrow(RangeError);
  });
});

describe('thread order in a section', () => {
  it('puts pinned threads first, then the most recent activity, then the newer thread', () => {
    const ordered = orderThreads([
      { id: 1, pinned: false, lastActivityAt: '2026-12-01T10:00:00.000Z' },
      { id: 2, pinned: true, lastActivityAt: '2026-11-01T10:00:00.000Z' },
      { id: 3, pinned: false, lastActivityAt: '2026-12-05T10:00:00.000Z' },
      { id: 4, pinned: false, lastActivityAt: '2026-12-01T10:00:00.000Z' },
      { id: 10, pinned: true, lastActivityAt: '2026-12-06T10:00:00.000Z' },
    ]);
    expect(ordered.map((thread) => thread.id)).toEqual([10, 2, 3, 4, 1]);
  });

  it('takes the latest approval of the thread and its approved posts as its activity', () => {
    expect(lastActivity('2026-12-01T10:00:00.000Z', [null, '2026-12-03T08:00:00.000Z', '2026-12-02T09:00:00.000Z'])).toBe(
      '2026-12-03T08:00:00.000Z',
    );
    expect(lastActivity('2026-12-01T10:00:00.000Z', [])).toBe('2026-12-01T10:00:00.000Z');
  });
});

describe('replies', () => {
  it('accepts replies in an open thread only', () => {
    expect(threadAcceptsReplies({ state: 'open' })).toBe(true);
    expect(threadAcceptsReplies({ state: 'closed' })).toBe(false);
  });
});

describe('FAQ draft from a post', () => {
  it('hides the e-mail, phone, account number and the author name, keeping the rest word for word', () => {
    const text = 'Здравствуйте, Ирина! Пишите на ivan@example.ru или звоните +7 (912) 345-67-89, лицевой счёт 1234567. Иван';
    expect(faqDraftText(text, 'Иван')).toBe(
      // The guard takes «лицевой счёт 1234567» as one finding (the words name the number).
      'Здравствуйте, Ирина! Пишите на [скрыто] или звоните [скрыто], [скрыто]. [скрыто]',
    );
  });

  it('cuts a long title to the FAQ question limit of 300 characters', () => {
    const question = faqDraftQuestion('а'.repeat(400));
    expect(question).toHaveLength(300);
    expect(question.endsWith('…')).toBe(true);
  });
});
