import { describe, expect, it } from 'vitest';
import { CALENDAR_2026, ProductionCalendar } from '@portal/core/production-calendar';
import { hoursOn } from '@portal/core/office-hours';
import { MAX_PAGE_DEPTH } from '@portal/core/page-tree';
import { PRICE_CATEGORIES, SCHEME_ZONES, TARIFF_GROUPS, ZONE_SCHEMES, periodOn, rateOf } from '@portal/core/tariffs';
import {
  ContentError,
  loadComplaintSummaries,
  loadDocuments,
  loadLinks,
  loadNews,
  loadOffices,
  loadPages,
  loadQuestionnaires,
  loadTariffPeriods,
  loadUnregulatedPrices,
  loadTopics,
  PageTreeSeedSchema,
  validateContent,
  type PageSeed,
} from './index';

const depth = (pages: readonly PageSeed[], level = 1): number => Math.max(0, ...pages.map((page) => Math.max(level, depth(page.children, level + 1))));

describe('demo site content', () => {
  it('has the four sections of the standards, none deeper than four levels', () => {
    const pages = loadPages();
    expect(pages.map((page) => page.slug)).toEqual(['fizlicam', 'yurlicam', 'obratnaya-svyaz', 'spravka']);
    expect(depth(pages)).toBeLessThanOrEqual(MAX_PAGE_DEPTH);
  });

  it('refuses a page tree with a fifth level', () => {
    const leaf = (slug: string, children: unknown[] = []) => ({ slug, title: slug, audience: 'all', summary: 's', body: 'b', children });
    const tree = [leaf('a', [leaf('b', [leaf('c', [leaf('d', [leaf('e')])])])])];
    expect(() => validateContent(PageTreeSeedSchema, tree, 'pages.yaml')).toThrow(ContentError);
    expect(() => validateContent(PageTreeSeedSchema, tree, 'pages.yaml')).toThrow(/\/a\/b\/c\/d\/e\/ is deeper than 4 levels/);
  });

  it('publishes every group, scheme and zone in each of at least four half-year periods over two years', () => {
    const periods = loadTariffPeriods();
    expect(periods.length).toBeGreaterThanOrEqual(4);
    expect(new Set(periods.map((period) => period.validFrom.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    for (const period of periods) {
      for (const group of TARIFF_GROUPS) for (const scheme of ZONE_SCHEMES) for (const zone of SCHEME_ZONES[scheme]) {
        expect(rateOf(period, group, scheme, zone), `${period.slug} ${group} ${scheme} ${zone}`).toBeGreaterThan(0);
      }
    }
    // Periods follow each other without gaps or overlaps.
    for (let i = 1; i < periods.length; i++) expect(periods[i]!.validFrom > periods[i - 1]!.validTo).toBe(true);
    expect(periodOn(periods, '2026-11-27')?.slug).toBe('2026-2');
  });

  it('has unregulated prices for 24 months or more in every category and capacity group', () => {
    const prices = loadUnregulatedPrices();
    const months = new Set(prices.map((price) => price.month));
    expect(months.size).toBeGreaterThanOrEqual(23);
    expect(prices.length).toBe(months.size * PRICE_CATEGORIES.length * 3);
  });

  it('lists at least 8 offices with weekly hours and lunch breaks, and payment points', () => {
    const offices = loadOffices();
    const ofOffices = offices.filter((office) => office.kind === 'office');
    expect(ofOffices.length).toBeGreaterThanOrEqual(8);
    expect(offices.some((office) => office.kind === 'payment-point')).toBe(true);
    for (const office of ofOffices) {
      expect(office.schedule.weekly.length, office.slug).toBeGreaterThan(0);
      expect(office.schedule.weekly.some((day) => day.breakStart), office.slug).toBe(true);
    }
    const calendar = new ProductionCalendar([CALENDAR_2026]);
    // 4 November 2026 is a public holiday: every office that follows the calendar is closed.
    for (const office of offices.filter((item) => item.schedule.followsProductionCalendar)) {
      expect(hoursOn(office.schedule, calendar, '2026-11-04').hours, office.slug).toBeNull();
    }
  });

  it('has news of every type and an urgent item with an end date', () => {
    const news = loadNews();
    for (const type of ['tariff', 'planned-outage', 'emergency-outage', 'service']) expect(news.some((item) => item.type === type), type).toBe(true);
    expect(news.some((item) => item.urgent && item.urgentUntil)).toBe(true);
  });

  it('has complaint summaries without personal data, under known topics', () => {
    const topics = new Set(loadTopics().map((topic) => topic.slug));
    const summaries = loadComplaintSummaries();
    expect(summaries.length).toBeGreaterThanOrEqual(5);
    for (const summary of summaries) expect(topics.has(summary.topic), summary.topic).toBe(true);
  });

  it('has the service standard with an amendment, contract forms for both audiences, and links', () => {
    const documents = loadDocuments();
    expect(documents.some((doc) => doc.kind === 'standard')).toBe(true);
    expect(documents.some((doc) => doc.kind === 'amendment')).toBe(true);
    expect(documents.filter((doc) => doc.kind === 'contract-form').map((doc) => doc.audience).sort()).toEqual(['fl', 'ul']);
    expect(loadLinks().length).toBeGreaterThanOrEqual(5);
  });
});

describe('demo questionnaire', () => {
  it('data/questionnaires.yaml holds the «Анкета клиента» with the home banner and a question of every kind', () => {
    const [questionnaire, ...others] = loadQuestionnaires();
    expect(others).toEqual([]);
    expect(questionnaire).toMatchObject({ slug: 'anketa-klienta', title: 'Анкета клиента', homeBanner: true });
    expect(new Set(questionnaire!.questions.map((question) => question.kind))).toEqual(new Set(['single', 'multiple', 'scale5', 'scale10', 'nps', 'text']));
  });
});

describe('per-office FAQ', () => {
  it('links FAQ entries only to offices that exist', async () => {
    const { loadFaq } = await import('./index');
    const offices = new Set(loadOffices().map((office) => office.slug));
    const linked = loadFaq().filter((entry) => entry.office);
    expect(linked.length).toBeGreaterThan(0);
    for (const entry of linked) expect(offices.has(entry.office!), entry.slug).toBe(true);
  });
});
