import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READINGS_WINDOW } from '@portal/core/readings-window';
import { collectTexts, findAbsentFeatureMentions, loadAbsentFeatures, loadContentTexts, type AbsentFeature } from './absent-features';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const featuresFile = fileURLToPath(new URL('../absent-features.yaml', import.meta.url));
const features = loadAbsentFeatures(featuresFile);
const texts = loadContentTexts(dataDir);

const chat: AbsentFeature = { feature: 'online-chat', title: 'Онлайн-чат', absent: true, phrases: ['онлайн-чат', 'запись на приём'] };

describe('demo content promises nothing the portal does not do', () => {
  it('the online chat is flagged absent (not built); booking a visit to an office is built (issue 20)', () => {
    expect(features.filter((feature) => feature.absent).map((feature) => feature.feature).sort()).toEqual(['online-chat']);
  });

  it('reads every page, FAQ answer, news item and topic of the demo content', () => {
    const files = new Set(texts.map((text) => text.where.split(' › ')[0]));
    expect(files).toContain('pages.yaml');
    expect(files).toContain('faq/ofisy.yaml');
    expect(files).toContain('news.yaml');
    expect(files).toContain('topics.yaml');
    expect(texts.some((text) => text.where.startsWith('faq/ofisy.yaml') && text.where.endsWith('› answer'))).toBe(true);
  });

  it('no page, FAQ answer or other text mentions a feature flagged absent', () => {
    expect(findAbsentFeatureMentions(texts, features)).toEqual([]);
  });
});

describe('finding the phrases of an absent feature', () => {
  it('finds a phrase with any ending, in any case, with ё for е and across a line break', () => {
    const found = findAbsentFeatureMentions(
      [
        { where: 'a', text: 'Напишите нам в Онлайн-чате.' },
        { where: 'b', text: 'Оформите ЗАПИСЬ\nна приём заранее.' },
        { where: 'c', text: 'Оформите запись на приём.' },
      ],
      [chat],
    );
    expect(found.map((mention) => [mention.where, mention.phrase])).toEqual([
      ['a', 'онлайн-чат'],
      ['b', 'запись на приём'],
      ['c', 'запись на приём'],
    ]);
    expect(found[0]!.excerpt).toContain('онлайн-чате');
  });

  it('does not find a phrase inside another word', () => {
    expect(findAbsentFeatureMentions([{ where: 'a', text: 'Перезапись на приём не нужна.' }], [chat])).toEqual([]);
  });

  it('does not look for a feature once it is no longer flagged absent', () => {
    expect(findAbsentFeatureMentions([{ where: 'a', text: 'Напишите в онлайн-чат.' }], [{ ...chat, absent: false }])).toEqual([]);
  });

  it('scans the answers but not the clients’ own questions', () => {
    const collected = collectTexts([{ slug: 'zapis', question: 'Можно ли записаться на приём?', answer: 'Нет, живая очередь.' }], 'faq/x.yaml');
    expect(collected).toEqual([{ where: 'faq/x.yaml › 1 › answer', text: 'Нет, живая очередь.' }]);
  });
});

describe('demo content agrees with the product', () => {
  // «с 15 по 25 число», «с 15-го по 25-е число»: every such range in a text about readings is the form's window.
  const RANGE = /с (\d{1,2})(?:-го)? по (\d{1,2})(?:-е)? числ/giu;

  it('every text about meter readings names the days the readings forms accept (15th to 25th by default)', () => {
    const about = texts.filter((text) => /показани/iu.test(text.text));
    const ranges = about.flatMap((text) => [...text.text.matchAll(RANGE)].map((match) => ({ where: text.where, from: Number(match[1]), to: Number(match[2]) })));
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.filter((range) => range.from !== DEFAULT_READINGS_WINDOW.fromDay || range.to !== DEFAULT_READINGS_WINDOW.toDay)).toEqual([]);
  });

  it('no text tells organisations to send readings by the 1st of the month (the forms accept the 15th to the 25th)', () => {
    expect(texts.filter((text) => /показани/iu.test(text.text) && /до 1-го числа/iu.test(text.text)).map((text) => text.where)).toEqual([]);
  });
});
