import { describe, expect, it } from 'vitest';
import { groupByTemplate, samplePerTemplate, sweepPlan } from './sweep-sample';

/** A small sitemap written by hand, in the site's order. */
const SITEMAP = [
  '/',
  '/fizlicam/',
  '/fizlicam/pokazaniya/',
  '/fizlicam/tarify/',
  '/fizlicam/tarify/arhiv/',
  '/fizlicam/tarify/arhiv/2025-1/',
  '/fizlicam/tarify/arhiv/2025-2/',
  '/yurlicam/ceny/',
  '/yurlicam/ceny/2026/',
  '/faq/',
  '/faq/oplata/',
  '/faq/oplata/kak-oplatit/',
  '/faq/oplata/komissiya/',
  '/faq/oplata/avtoplatezh/',
  '/faq/tarify/',
  '/faq/tarify/lgota/',
  '/obratnaya-svyaz/anketa/anketa-klienta/',
  '/spravka/novosti/',
  '/spravka/novosti/tip/planovoe-otklyuchenie/',
  '/spravka/novosti/novyj-tarif/',
  '/spravka/novosti/otklyuchenie-12-dekabrya/',
  '/otklyucheniya/',
  '/otklyucheniya/tihorechye/',
  '/otklyucheniya/yasnoborsk/',
  '/spravka/ofisy/',
  '/spravka/ofisy/severo-ozersk-centralnyy/',
  '/spravka/ofisy/yasnoborsk/',
  '/spravka/ofisy/kamnegorsk/',
  '/spravka/punkty-oplaty/',
  '/spravka/punkty-oplaty/punkt-oplaty-vokzalnyy/',
  '/karta-sajta/',
];

describe('grouping sitemap pages by template', () => {
  it('puts the pages of one repeated route together and leaves every other page alone, in order of first appearance', () => {
    expect(groupByTemplate(SITEMAP).map((group) => [group.template, group.paths])).toEqual([
      ['/', ['/']],
      ['/fizlicam/', ['/fizlicam/']],
      ['/fizlicam/pokazaniya/', ['/fizlicam/pokazaniya/']],
      ['/fizlicam/tarify/', ['/fizlicam/tarify/']],
      ['/fizlicam/tarify/arhiv/', ['/fizlicam/tarify/arhiv/']],
      ['tariff period', ['/fizlicam/tarify/arhiv/2025-1/', '/fizlicam/tarify/arhiv/2025-2/']],
      ['/yurlicam/ceny/', ['/yurlicam/ceny/']],
      ['prices of a year', ['/yurlicam/ceny/2026/']],
      ['/faq/', ['/faq/']],
      ['FAQ topic', ['/faq/oplata/', '/faq/tarify/']],
      ['FAQ answer', ['/faq/oplata/kak-oplatit/', '/faq/oplata/komissiya/', '/faq/oplata/avtoplatezh/', '/faq/tarify/lgota/']],
      ['questionnaire', ['/obratnaya-svyaz/anketa/anketa-klienta/']],
      ['/spravka/novosti/', ['/spravka/novosti/']],
      ['news of one type', ['/spravka/novosti/tip/planovoe-otklyuchenie/']],
      ['news item', ['/spravka/novosti/novyj-tarif/', '/spravka/novosti/otklyuchenie-12-dekabrya/']],
      ['/otklyucheniya/', ['/otklyucheniya/']],
      ['outages of a settlement', ['/otklyucheniya/tihorechye/', '/otklyucheniya/yasnoborsk/']],
      ['/spravka/ofisy/', ['/spravka/ofisy/']],
      ['office', ['/spravka/ofisy/severo-ozersk-centralnyy/', '/spravka/ofisy/yasnoborsk/', '/spravka/ofisy/kamnegorsk/']],
      ['/spravka/punkty-oplaty/', ['/spravka/punkty-oplaty/']],
      ['payment point', ['/spravka/punkty-oplaty/punkt-oplaty-vokzalnyy/']],
      ['/karta-sajta/', ['/karta-sajta/']],
    ]);
  });
});

describe('the sample of a sweep', () => {
  it('visits every page of its own kind, and the first page of every repeated template plus exactly one other', () => {
    for (const seed of ['2026-12-08 axe', '2026-12-09 axe', '2027-01-01 sideways']) {
      const sample = samplePerTemplate(SITEMAP, seed);
      for (const path of ['/', '/fizlicam/pokazaniya/', '/faq/', '/spravka/ofisy/', '/karta-sajta/', '/yurlicam/ceny/2026/', '/obratnaya-svyaz/anketa/anketa-klienta/']) {
        expect(sample, `${seed}: ${path}`).toContain(path);
      }
      // The first page of each repeated template, and one of the rest.
      const office = sample.filter((path) => path.startsWith('/spravka/ofisy/') && path !== '/spravka/ofisy/');
      expect(office[0]).toBe('/spravka/ofisy/severo-ozersk-centralnyy/');
      expect(office).toHaveLength(2);
      expect(sample.filter((path) => /^\/faq\/[^/]+\/[^/]+\/$/.test(path))).toHaveLength(2);
      expect(sample).toContain('/faq/oplata/kak-oplatit/');
      expect(sample.filter((path) => path.startsWith('/spravka/novosti/') && path.split('/').length === 5 && !path.includes('/tip/'))).toEqual(['/spravka/novosti/novyj-tarif/', '/spravka/novosti/otklyuchenie-12-dekabrya/']);
      // 31 pages in 22 groups; 6 groups have more than one page (tariff period, FAQ topic, FAQ answer, news item,
      // outages of a settlement, office), so 22 + 6 = 28.
      expect(sample).toHaveLength(28);
      expect(sample).toEqual(SITEMAP.filter((path) => sample.includes(path)));
    }
  });

  it('is the same for the same seed and changes its second pick with the seed', () => {
    const manyAnswers = Array.from({ length: 40 }, (_, index) => `/faq/tema/vopros-${index + 1}/`);
    expect(samplePerTemplate(manyAnswers, '2026-12-08 axe')).toEqual(samplePerTemplate(manyAnswers, '2026-12-08 axe'));
    const seconds = new Set(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12'].map((day) => samplePerTemplate(manyAnswers, `${day} axe`)[1]));
    expect(seconds.size).toBeGreaterThan(1);
    for (const day of ['2026-12-08', '2026-12-09']) expect(samplePerTemplate(manyAnswers, `${day} axe`)[0]).toBe('/faq/tema/vopros-1/');
  });
});

describe('the plan read from the environment', () => {
  const now = new Date('2026-12-08T01:00:00Z');

  it('samples by the UTC day by default and says how many pages of how many it checks', () => {
    const plan = sweepPlan('axe sweep', SITEMAP, {}, now);
    expect(plan.paths).toEqual(samplePerTemplate(SITEMAP, '2026-12-08 axe sweep'));
    expect(plan.summary).toMatch(/^axe sweep: 28 of 31 pages, every one of 22 templates \(sample of 2026-12-08/);
  });

  it('repeats another day with E2E_SWEEP_DAY and visits every page with E2E_SWEEP=all', () => {
    expect(sweepPlan('axe sweep', SITEMAP, { E2E_SWEEP_DAY: '2026-11-27' }, now).paths).toEqual(samplePerTemplate(SITEMAP, '2026-11-27 axe sweep'));
    const all = sweepPlan('axe sweep', [...SITEMAP, '/'], { E2E_SWEEP: 'all' }, now);
    expect(all.paths).toEqual(SITEMAP);
    expect(all.summary).toBe('axe sweep: all 31 pages (22 templates; E2E_SWEEP=all)');
  });
});
