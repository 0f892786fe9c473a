import { describe, expect, it } from 'vitest';
import { NO_TOPIC_TITLE, topicRows } from './quarterly-figures';

describe('quarterly figures by topic', () => {
  const topics = [
    { slug: 'oplata', title: 'Начисления и оплата' },
    { slug: 'lgoty', title: 'Льготы' },
  ];

  it('gives every known topic a row, zero when it had no appeals', () => {
    expect(topicRows(topics, { 'Начисления и оплата': 7 }, { Льготы: 2 })).toEqual([
      { topic: 'oplata', title: 'Начисления и оплата', count: 7, previousCount: 0 },
      { topic: 'lgoty', title: 'Льготы', count: 0, previousCount: 2 },
    ]);
  });

  it('gathers appeals without a topic (or with a deleted one) into one «Без темы» row', () => {
    const rows = topicRows(topics, { 'без темы': 2, '42': 1 }, { 'без темы': 4 });
    expect(rows.at(-1)).toEqual({ topic: '', title: NO_TOPIC_TITLE, count: 3, previousCount: 4 });
    expect(rows).toHaveLength(3);
  });
});
