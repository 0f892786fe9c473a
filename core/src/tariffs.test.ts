import { describe, expect, it } from 'vitest';
import { ZONE_HOURS, ZONE_LABELS, ZONE_NAMES, ZONES } from './tariffs';

describe('zone names and hours', () => {
  it('keep the one-line labels the calculator and open data use', () => {
    expect(ZONE_LABELS).toEqual({
      'all-day': 'Круглые сутки',
      day: 'Дневная зона (7:00–23:00)',
      night: 'Ночная зона (23:00–7:00)',
      peak: 'Пиковая зона (7:00–10:00, 17:00–21:00)',
      'half-peak': 'Полупиковая зона (10:00–17:00, 21:00–23:00)',
    });
  });

  it('give every zone a name, and hours to every zone but the all-day one', () => {
    for (const zone of ZONES) {
      expect(ZONE_NAMES[zone]).not.toBe('');
      expect(ZONE_HOURS[zone] === undefined).toBe(zone === 'all-day');
    }
  });
});
