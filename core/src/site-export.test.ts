import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from './attachments';
import { DEFAULT_READINGS_WINDOW } from './readings-window';
import { ExportComplaintSummarySchema, ExportLinkSchema, ExportNewsSchema, ExportOfficeSchema, SiteExportSchema } from './site-export';

/** The smallest export a CMS with one topic and one answer sends: every optional part left out. */
const MINIMAL_EXPORT = {
  generatedAt: '2026-12-07T09:00:00.000Z',
  company: { name: 'АО «Энергосбыт»', shortName: 'Энергосбыт', region: 'Озёрский край', hotline: '8 800 000-12-34', email: 'info@example.ru' },
  topics: [{ slug: 'oplata', title: 'Оплата' }],
  faq: [
    {
      slug: 'kak-oplatit',
      question: 'Как оплатить?',
      answerHtml: '<p>Без комиссии в личном кабинете.</p>',
      answerText: 'Без комиссии в личном кабинете.',
      topic: 'oplata',
      audience: 'fl',
      updatedAt: '2026-12-01T00:00:00.000Z',
    },
  ],
};

const OFFICE = {
  slug: 'zarechnyy',
  kind: 'office',
  name: 'ЦОК «Заречный»',
  settlement: 'Северо-Озёрск',
  address: 'пр-т Рыбаков, д. 47',
  latitude: 61.5,
  longitude: 34.2,
  schedule: { weekly: [{ weekday: 1, open: '09:00', close: '18:00' }] },
};

describe('site export', () => {
  it('reads the smallest export and fills in what the site needs with the documented defaults', () => {
    const parsed = SiteExportSchema.parse(MINIMAL_EXPORT);
    expect(parsed.company).toEqual({ ...MINIMAL_EXPORT.company, address: '', timeZone: 'Europe/Moscow', privacyPolicyUrl: '/privacy/', hotlineIndividuals: '', hotlineOrganisations: '', personalAccountUrl: '' });
    expect(parsed.topics).toEqual([{ slug: 'oplata', title: 'Оплата', description: '', order: 0 }]);
    expect(parsed.faq).toEqual([{ ...MINIMAL_EXPORT.faq[0], office: '' }]);
    expect(parsed.forms).toEqual({ readingsWindow: DEFAULT_READINGS_WINDOW, attachmentLimits: DEFAULT_ATTACHMENT_LIMITS });
    for (const list of ['redirects', 'services', 'pages', 'tariffPeriods', 'unregulatedPrices', 'offices', 'news', 'complaintSummaries', 'quarterlyReports', 'qualityIndicators', 'documents', 'links', 'calendar', 'territories'] as const) {
      expect(parsed[list], list).toEqual([]);
    }
    expect(parsed.generatedAt).toBe('2026-12-07T09:00:00.000Z');
  });

  it('keeps services, pages and territories as sent, with their defaults', () => {
    const parsed = SiteExportSchema.parse({
      ...MINIMAL_EXPORT,
      services: [{ slug: 'podklyuchenie', title: 'Подключение', audience: 'all' }],
      pages: [{ path: '/fizlicam/', slug: 'fizlicam', parentPath: null, title: 'Физическим лицам', audience: 'fl', updatedAt: '2026-12-01' }],
      territories: [{ slug: 'yasnoborsk', name: 'г. Ясноборск' }],
    });
    expect(parsed.services).toEqual([{ slug: 'podklyuchenie', title: 'Подключение', audience: 'all', description: '', prices: [] }]);
    expect(parsed.pages).toEqual([{ path: '/fizlicam/', slug: 'fizlicam', parentPath: null, title: 'Физическим лицам', summary: '', audience: 'fl', bodyHtml: '', order: 0, updatedAt: '2026-12-01' }]);
    expect(parsed.territories).toEqual([{ slug: 'yasnoborsk', name: 'г. Ясноборск', streets: [] }]);
  });

  it('refuses an export without the company or with a FAQ entry missing its answer', () => {
    const { company: _company, ...withoutCompany } = MINIMAL_EXPORT;
    expect(SiteExportSchema.safeParse(withoutCompany).success).toBe(false);
    const { answerText: _answerText, ...faqWithoutText } = MINIMAL_EXPORT.faq[0]!;
    expect(SiteExportSchema.safeParse({ ...MINIMAL_EXPORT, faq: [faqWithoutText] }).success).toBe(false);
    expect(SiteExportSchema.safeParse({ ...MINIMAL_EXPORT, topics: [{ slug: 'oplata' }] }).success).toBe(false);
  });

  describe('an office', () => {
    it('gets empty lists, no equipment and no note when the CMS sends none', () => {
      const office = ExportOfficeSchema.parse(OFFICE);
      expect(office).toMatchObject({ transport: [], phones: [], email: '', headName: '', headPhone: '', services: [], payment: [], accessibility: [], note: '' });
      expect(office.equipment).toEqual({ kiosk: false, electronicQueue: false, terminal: false });
      expect(office.category).toBeUndefined();
    });

    it('accepts coordinates at the edges of the globe and refuses them beyond', () => {
      for (const [latitude, longitude] of [
        [-90, -180],
        [90, 180],
        [0, 0],
      ]) {
        expect(ExportOfficeSchema.safeParse({ ...OFFICE, latitude, longitude }).success, `${latitude}, ${longitude}`).toBe(true);
      }
      for (const [latitude, longitude] of [
        [-90.5, 0],
        [90.5, 0],
        [0, -180.5],
        [0, 180.5],
      ]) {
        expect(ExportOfficeSchema.safeParse({ ...OFFICE, latitude, longitude }).success, `${latitude}, ${longitude}`).toBe(false);
      }
    });
  });

  it('a news item is not urgent and names no settlements unless the editor says so', () => {
    const news = ExportNewsSchema.parse({ slug: 'n', title: 'Новость', type: 'general', date: '2026-12-01', summary: 'Кратко' });
    expect(news).toMatchObject({ settlements: [], settlementSlugs: [], streets: [], period: '', bodyHtml: '', urgent: false });
    expect(news.outageState).toBeUndefined();
    expect(news.urgentUntil).toBeUndefined();
  });

  it('a complaint summary takes a month as YYYY-MM, January to December only', () => {
    const month = (value: string) => ExportComplaintSummarySchema.safeParse({ topic: 'oplata', month: value, summary: 'Ответ' }).success;
    expect(['2026-01', '2026-09', '2026-10', '2026-12'].map(month)).toEqual([true, true, true, true]);
    expect(['2026-00', '2026-13', '2026-1', '26-01', 'x2026-01', '2026-01x', 'abcd-01'].map(month)).toEqual([false, false, false, false, false, false, false]);
  });

  it('a useful link must be a web address', () => {
    const link = (url: string) => ExportLinkSchema.safeParse({ title: 'Госуслуги', url }).success;
    expect(link('https://www.gosuslugi.ru/')).toBe(true);
    expect(link('http://example.ru/')).toBe(true);
    expect(link('ftp://example.ru/')).toBe(false);
    expect(link('javascript:alert(1)')).toBe(false);
    expect(link('xhttps://example.ru/')).toBe(false);
    expect(ExportLinkSchema.parse({ title: 'Госуслуги', url: 'https://www.gosuslugi.ru/' })).toEqual({ title: 'Госуслуги', url: 'https://www.gosuslugi.ru/', description: '', group: '' });
  });
});
