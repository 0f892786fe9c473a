import { describe, expect, it } from 'vitest';
import { completedQuarters, periodPresets, previousQuarter, quarterOf, quarterPeriod, quarterTitle, ReportPeriodSchema } from './report-period';

describe('report periods', () => {
  it('finds the quarter of a date and its first and last day', () => {
    expect(quarterOf('2026-11-27')).toBe('2026-Q4');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterPeriod('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod('2024-Q1').to).toBe('2024-03-31');
    expect(quarterPeriod('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('steps back over a year boundary', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(completedQuarters('2026-02-10', 3)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2']);
  });

  it('names a quarter in Russian', () => {
    expect(quarterTitle('2026-Q3')).toBe('III квартал 2026 г.');
  });

  it('offers quick choices relative to today', () => {
    const presets = Object.fromEntries(periodPresets('2026-01-15').map((preset) => [preset.key, [preset.from, preset.to]]));
    expect(presets['this-month']).toEqual(['2026-01-01', '2026-01-15']);
    expect(presets['last-month']).toEqual(['2025-12-01', '2025-12-31']);
    expect(presets['this-quarter']).toEqual(['2026-01-01', '2026-01-15']);
    expect(presets['last-quarter']).toEqual(['2025-10-01', '2025-12-31']);
    expect(presets['last-year']).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('refuses a period that ends before it starts or has a non-date', () => {
    expect(ReportPeriodSchema.safeParse({ from: '2026-03-01', to: '2026-02-01' }).success).toBe(false);
    expect(ReportPeriodSchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(ReportPeriodSchema.safeParse({ from: '2026-02-01', to: '2026-02-01' }).success).toBe(true);
  });
});
