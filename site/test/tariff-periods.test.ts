import { describe, expect, it } from 'vitest';
import type { TariffPeriod } from '@portal/core/tariffs';
import { tariffTimeline } from '../src/lib/tariff-periods';

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
