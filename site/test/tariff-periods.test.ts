import { describe, expect, it } from 'vitest';
import type { TariffPeriod } from '@portal/core/tariffs';
import { currentPeriodLead, decreeText, formatPeriodRange, periodStatusLine, sentence, tariffTimeline } from '../src/lib/tariff-periods';

const period = (slug: string, validFrom: string, validTo: string) => ({ slug, validFrom, validTo }) as TariffPeriod;
const periods = [period('2025-2', '2025-07-01', '2025-12-31'), period('2026-1', '2026-01-01', '2026-06-30'), period('2026-2', '2026-07-01', '2026-12-31')];

describe('tariffTimeline', () => {
  it('finds the period in force and archives the past ones, newest first', () => {
    const timeline = tariffTimeline(periods, '2026-03-15');
    expect(timeline.current?.slug).toBe('2026-1');
    expect(timeline.upcoming.map((p) => p.slug)).toEqual(['2026-2']);
    expect(timeline.archive.map((p) => p.slug)).toEqual(['2025-2']);
  });

  it('switches on the first day of a new period', () => {
    expect(tariffTimeline(periods, '2026-06-30').current?.slug).toBe('2026-1');
    expect(tariffTimeline(periods, '2026-07-01').current?.slug).toBe('2026-2');
  });

  it('keeps showing the last published period when none covers today', () => {
    const timeline = tariffTimeline(periods, '2027-02-01');
    expect(timeline.current?.slug).toBe('2026-2');
    expect(timeline.archive.map((p) => p.slug)).toEqual(['2026-1', '2025-2']);
  });
});

const decree = {
  number: '112-э',
  date: '2025-12-17',
  issuer: 'Региональная служба по тарифам Озёрского края',
  publishedIn: 'Официальный интернет-портал правовой информации Озёрского края, 18.12.2025',
};
const autumn = { slug: '2026-2', title: 'с 1 октября по 31 декабря 2026 года', validFrom: '2026-10-01', validTo: '2026-12-31', decree, rates: [] } satisfies TariffPeriod;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('formatPeriodRange', () => {
  it('says each date once and the shared year once', () => {
    expect(formatPeriodRange('2026-10-01', '2026-12-31')).toBe('с 1 октября по 31 декабря 2026 г.');
    expect(formatPeriodRange('2026-10-01', '2026-10-31')).toBe('с 1 по 31 октября 2026 г.');
    expect(formatPeriodRange('2025-07-01', '2026-06-30')).toBe('с 1 июля 2025 г. по 30 июня 2026 г.');
  });
});

describe('sentence', () => {
  it('ends with exactly one full stop, also after «г.»', () => {
    expect(sentence('от 17 декабря 2025 г.')).toBe('от 17 декабря 2025 г.');
    expect(sentence('Официально опубликовано: портал, 18.12.2025')).toBe('Официально опубликовано: портал, 18.12.2025.');
    expect(sentence('  Готово!  ')).toBe('Готово!');
  });
});

describe('the tariffs page lines', () => {
  it('says the dates of the period in force once, with no double full stop', () => {
    const lead = currentPeriodLead(autumn, '2026-11-27');
    expect(lead).toBe('Действуют тарифы с 1 октября по 31 декабря 2026 г.');
    expect(occurrences(lead, '1 октября')).toBe(1);
    expect(lead).not.toContain('..');
  });

  it('does not call a lapsed period «in force» when no newer one is published', () => {
    expect(currentPeriodLead(autumn, '2027-01-10')).toBe(
      'Новые тарифы пока не опубликованы. Показаны последние утверждённые тарифы, действовавшие с 1 октября по 31 декабря 2026 г.',
    );
  });

  it('cites the decree with one full stop after its date («2025 г.», never «2025 г..»)', () => {
    const text = decreeText(decree);
    expect(text).toBe(
      'Тарифы установлены решением: Региональная служба по тарифам Озёрского края, № 112-э от 17 декабря 2025 г. ' +
        'Официально опубликовано: Официальный интернет-портал правовой информации Озёрского края, 18.12.2025.',
    );
    expect(text).not.toMatch(/г\.\./);
  });

  it('tells on a period page whether its prices apply today without repeating the dates of its heading', () => {
    expect(periodStatusLine(autumn, '2026-11-27')).toBe('Эти тарифы действуют сейчас.');
    expect(periodStatusLine(autumn, '2026-09-30')).toBe('Эти тарифы ещё не вступили в силу.');
    expect(periodStatusLine(autumn, '2026-12-31')).toBe('Эти тарифы действуют сейчас.');
    expect(periodStatusLine(autumn, '2027-01-01')).toBe('Эти тарифы больше не действуют.');
  });
});
