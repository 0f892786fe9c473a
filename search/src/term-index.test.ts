import { describe, expect, it } from 'vitest';
import { FUZZY_WEIGHT, TermIndex } from './term-index';

const scoresOf = (index: TermIndex<'title' | 'body'>, term: string, weight = 1) => {
  const scores = new Float64Array(index.capacity);
  index.accumulate(term, weight, scores);
  return scores;
};

describe('TermIndex', () => {
  it('scores a term higher in the boosted field and in shorter fields', () => {
    const index = new TermIndex({ title: 3, body: 1 });
    index.add(0, { title: ['тариф'], body: ['цен'] });
    index.add(1, { title: ['цен'], body: ['тариф', 'год', 'июл'] });
    const scores = scoresOf(index, 'тариф');
    expect(scores[0]).toBeGreaterThan(scores[1]!);
    expect(scores[1]).toBeGreaterThan(0);
  });

  it('expands a term to its completions and near spellings, exact matches weighing most', () => {
    const index = new TermIndex({ title: 1, body: 1 });
    index.add(0, { title: ['квитанц'], body: ['квитанцион'] });
    index.add(1, { title: ['квитанк'], body: [] });
    expect(index.expand('квитанц', { fuzzy: 0, prefix: false })).toEqual(new Map([['квитанц', 1]]));
    const wide = index.expand('квитанц', { fuzzy: 1, prefix: true });
    expect([...wide.keys()].sort()).toEqual(['квитанк', 'квитанц', 'квитанцион']);
    expect(wide.get('квитанк')).toBeCloseTo((FUZZY_WEIGHT * 7) / 8);
    expect(wide.get('квитанцион')!).toBeLessThan(1);
  });

  it('forgets a removed document entirely, and its number can be used again', () => {
    const index = new TermIndex({ title: 1, body: 1 });
    index.add(0, { title: ['пен'], body: [] });
    index.add(1, { title: ['долг'], body: [] });
    index.remove(0);
    expect(index.size).toBe(1);
    expect(index.expand('пен', { fuzzy: 0, prefix: true }).size).toBe(0);
    expect(scoresOf(index, 'пен').every((score) => score === 0)).toBe(true);
    index.add(0, { title: ['долг'], body: [] });
    expect(scoresOf(index, 'долг')[0]).toBeGreaterThan(0);
  });

  it('scores by the documents indexed now, also when documents were added or removed since the last search', () => {
    // BM25+ (k = 1.2, b = 0.7, d = 0.5) of a one-word title among one-word titles: the term-frequency
    // part is 1, so a score is 1.5 × idf, idf = ln(1 + (documents − having + 0.5) / (having + 0.5)).
    const index = new TermIndex({ title: 1, body: 1 });
    index.add(0, { title: ['тариф'], body: [] });
    expect(scoresOf(index, 'тариф')[0]).toBeCloseTo(1.5 * Math.log(4 / 3), 10);
    index.add(1, { title: ['цен'], body: [] });
    expect(scoresOf(index, 'тариф')[0]).toBeCloseTo(1.5 * Math.log(2), 10);
    index.remove(1);
    expect(scoresOf(index, 'тариф')[0]).toBeCloseTo(1.5 * Math.log(4 / 3), 10);
    index.add(1, { title: ['тариф'], body: [] });
    const both = scoresOf(index, 'тариф');
    expect([both[0], both[1]]).toEqual([1.5 * Math.log(1.2), 1.5 * Math.log(1.2)].map((score) => expect.closeTo(score, 10)));
  });

  it('grows its arrays past the initial capacity', () => {
    const index = new TermIndex({ title: 1, body: 1 });
    for (let docNo = 0; docNo < 3000; docNo++) index.add(docNo, { title: ['свет'], body: [] });
    expect(index.capacity).toBeGreaterThanOrEqual(3000);
    expect(scoresOf(index, 'свет')[2999]).toBeGreaterThan(0);
  });
});
