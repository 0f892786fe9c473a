import { describe, expect, it } from 'vitest';
import { OfficeScheduleSchema } from '@portal/core/office-hours';
import { CALENDAR_2026, ProductionCalendar } from '@portal/core/production-calendar';
import type { ExportCompany, ExportOffice } from '@portal/core/site-export';
import { officeStructuredData } from '../src/lib/office-structured-data';

const office = {
  slug: 'test', kind: 'office', name: 'ЦОК', settlement: 'Озерки', address: 'ул. Центральная, 1', latitude: 61, longitude: 34,
  transport: [], phones: ['+7 (000) 000-00-01'], email: '', headName: '', headPhone: '', services: [], payment: [], accessibility: [], note: '',
  equipment: { kiosk: false, electronicQueue: false, terminal: false },
  schedule: OfficeScheduleSchema.parse({ weekly: [3].map((weekday) => ({ weekday, open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' })) }),
} as ExportOffice;
const company = { name: 'АО', region: 'Озёрский край' } as ExportCompany;

describe('officeStructuredData', () => {
  it('splits the day at the lunch break and marks the 4 November holiday as closed', () => {
    const data = officeStructuredData(office, company, new ProductionCalendar([CALENDAR_2026]), '2026-11-01', 'https://example.ru/o/', 10);
    const specs = data.openingHoursSpecification as Record<string, string>[];
    expect(specs.slice(0, 2)).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Wednesday', opens: '08:00', closes: '12:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Wednesday', opens: '13:00', closes: '17:00' },
    ]);
    expect(specs).toContainEqual({ '@type': 'OpeningHoursSpecification', validFrom: '2026-11-04', validThrough: '2026-11-04', opens: '00:00', closes: '00:00' });
    expect(data['@type']).toBe('LocalBusiness');
  });
});
