import { describe, expect, it } from 'vitest';
import type { ExportFaq, ExportTopic } from '@portal/core/site-export';
import { formatDateRu, groupFaqByTopic, sortTopics } from '../src/lib/faq-catalog';

const topic = (slug: string, title: string, order: number): ExportTopic => ({ slug, title, order, description: '' });
const faq = (slug: string, topicSlug: string, question: string): ExportFaq => ({
  slug,
  topic: topicSlug,
  question,
  answerHtml: '<p>…</p>',
  answerText: '…',
  audience: 'all',
  office: '',
  updatedAt: '2026-02-01T09:00:00.000Z',
});

describe('sortTopics', () => {
  it('orders by `order`, then by Russian title', () => {
    const sorted = sortTopics([topic('c', 'Прочее', 10), topic('b', 'Оплата', 1), topic('a', 'Договор', 1)]);
    expect(sorted.map((t) => t.slug)).toEqual(['a', 'b', 'c']);
  });
});

describe('groupFaqByTopic', () => {
  it('keeps empty topics and sorts questions alphabetically inside each topic', () => {
    const groups = groupFaqByTopic({
      topics: [topic('oplata', 'Оплата', 2), topic('dogovor', 'Договор', 1), topic('prochee', 'Прочее', 3)],
      faq: [faq('b', 'oplata', 'Где оплатить?'), faq('a', 'oplata', 'Быстро ли зачисляется оплата?'), faq('c', 'dogovor', 'Как заключить?')],
    });
    expect(groups.map((g) => [g.topic.slug, g.entries.map((e) => e.slug)])).toEqual([
      ['dogovor', ['c']],
      ['oplata', ['a', 'b']],
      ['prochee', []],
    ]);
  });
});

describe('formatDateRu', () => {
  it('formats in the company time zone, where the date may differ from UTC', () => {
    expect(formatDateRu('2026-02-01T22:30:00.000Z', 'Europe/Moscow')).toBe('2 февраля 2026 г.');
    expect(formatDateRu('2026-02-01T22:30:00.000Z', 'UTC')).toBe('1 февраля 2026 г.');
    expect(formatDateRu('not a date', 'UTC')).toBe('');
  });
});
