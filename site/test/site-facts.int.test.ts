import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'astro';

/**
 * The site facts the standards ask for, on a real `astro build` of the fixture snapshot with the company settings
 * set: both hotlines, the personal account, the home-page banners, the price list of the services, the head of an
 * office and the computed quality indicators — and with the personal account left empty, no link to it anywhere.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workDir = join(repoRoot, 'node_modules/.cache');
const savedEnv = { ...process.env };
const tempDirs: string[] = [];
const ACCOUNT = 'https://lk.example-energo.ru/';

const fixture = JSON.parse(await readFile(join(repoRoot, 'site/fixtures/site-export.json'), 'utf8')) as Record<string, unknown> & {
  company: Record<string, unknown>;
  offices: Record<string, unknown>[];
};

function snapshot(personalAccountUrl: string): unknown {
  return {
    ...fixture,
    company: { ...fixture.company, hotline: '8-800-000-12-34', hotlineIndividuals: '8-800-000-12-34', hotlineOrganisations: '8-800-000-56-78', personalAccountUrl },
    offices: fixture.offices.map((office, index) => (index === 0 ? { ...office, headName: 'Смирнова Ольга Викторовна', headPhone: '+7 (000) 210-45-11' } : office)),
    services: [
      { slug: 'pribory-ucheta', title: 'Проверка и замена приборов учёта', audience: 'all', description: '', prices: [{ item: 'Замена однофазного прибора учёта', unit: 'за прибор', priceKopecks: 190_000 }, { item: 'Поверка', unit: 'за прибор', priceKopecks: 260_050 }] },
      { slug: 'tekhnologicheskoe-prisoedinenie', title: 'Технологическое присоединение', audience: 'all', description: '', prices: [] },
    ],
    qualityIndicators: [
      { quarter: '2026-Q3', decided: 11, onTimePercent: 72.7, rated: 10, ratingAverage: 3.9, satisfiedPercent: 70 },
      { quarter: '2026-Q2', decided: null, onTimePercent: null, rated: null, ratingAverage: null, satisfiedPercent: null },
    ],
  };
}

async function buildWith(personalAccountUrl: string): Promise<string> {
  await mkdir(workDir, { recursive: true });
  const dir = await mkdtemp(join(workDir, 'site-facts-test-'));
  tempDirs.push(dir);
  const exportFile = join(dir, 'export.json');
  await writeFile(exportFile, JSON.stringify(snapshot(personalAccountUrl)));
  const outDir = join(dir, 'out');
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.SITE_TODAY = '2026-11-27';
  process.env.SITE_OUT_DIR = outDir;
  process.env.SITE_EXPORT_FILE = exportFile;
  delete process.env.SITE_EXPORT_URL;
  await build({ root: repoRoot, outDir, logLevel: 'silent' });
  return outDir;
}

/** The page's text without tags, spaces collapsed (non-breaking ones too), none before punctuation. */
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').replace(/ ([,.;:])/g, '$1');

afterAll(async () => {
  process.env = savedEnv;
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('site facts with the settings filled in', () => {
  let outDir: string;
  const page = (path: string) => readFile(join(outDir, path), 'utf8');

  beforeAll(async () => {
    outDir = await buildWith(ACCOUNT);
  }, 600_000);

  it('shows the hotline of individuals and of organisations in the header, the footer and the contacts', async () => {
    for (const path of ['index.html', 'spravka/kontakty/index.html', 'faq/index.html']) {
      const html = await page(path);
      const header = html.match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0] ?? '';
      const footer = html.match(/<footer class="site-footer">[\s\S]*?<\/footer>/)?.[0] ?? '';
      for (const [part, markup] of [['header', header], ['footer', footer]] as const) {
        expect(markup, `${path} ${part}`).toContain('href="tel:88000001234"');
        expect(markup, `${path} ${part}`).toContain('href="tel:88000005678"');
        expect(text(markup), `${path} ${part}`).toMatch(/для юридических лиц:? 8-800-000-56-78|8-800-000-56-78 — юридическим лицам/);
      }
      expect(html.match(/<header class="site-header">[\s\S]*?<\/header>/)?.[0], path).toContain(`href="${ACCOUNT}"`);
    }
    const contacts = text(await page('spravka/kontakty/index.html'));
    expect(contacts).toContain('Горячая линия для физических лиц 8-800-000-12-34');
    expect(contacts).toContain('Горячая линия для юридических лиц 8-800-000-56-78');
  });

  it('links the personal account from the header, the readings and payment pages and FAQ answers that mention it', async () => {
    for (const path of ['index.html', 'pokazaniya/index.html', 'pokazaniya/naselenie/index.html', 'fizlicam/oplata/index.html', 'faq/dogovor/kak-zaklyuchit-dogovor/index.html']) {
      expect(await page(path), path).toContain(`href="${ACCOUNT}"`);
    }
  });

  it('puts the reception and personal account banners on the home page, and no questionnaire banner while none runs', async () => {
    const html = await page('index.html');
    expect(html).toMatch(/home-banner--reception[\s\S]*?href="\/vopros\/"[^>]*>Интернет-приёмная</);
    expect(html).toMatch(new RegExp(`home-banner--personal-account[\\s\\S]*?href="${ACCOUNT}"[^>]*>Личный кабинет клиента<`));
    expect(html).not.toContain('home-banner--questionnaire');
  });

  it('publishes the price list of the paid services as a table with row and column headers', async () => {
    const html = await page('zayavka/index.html');
    expect(html).toMatch(/<table class="data-table price-list"[^>]*>\s*<caption>/);
    expect(html).toMatch(/<th scope="col"[^>]*>Цена<\/th>/);
    expect(html).toMatch(/<th scope="colgroup" colspan="2"[^>]*>Проверка и замена приборов учёта/);
    const body = text(html);
    expect(body).toContain('Замена однофазного прибора учёта 1 900,00 ₽ за прибор');
    expect(body).toContain('Поверка 2 600,50 ₽ за прибор');
    // A service without prices is not in the price list.
    expect(html).not.toMatch(/colgroup[^>]*>Технологическое присоединение/);
  });

  it('names the head of an office with a phone link', async () => {
    const html = await page('spravka/ofisy/severo-ozersk-centralnyy/index.html');
    expect(text(html)).toContain('Начальник офиса Смирнова Ольга Викторовна, +7 (000) 210-45-11');
    expect(html).toContain('href="tel:+70002104511"');
  });

  it('shows the computed quality indicators per quarter, and says so for a quarter with too few appeals', async () => {
    const body = text(await page('fizlicam/pokazateli-kachestva/index.html'));
    expect(body).toContain('III квартал 2026 г. Ответы в срок: 72,7 % (обращений: 11) Оценка качества ответов: 3,9 из 5, довольны ответом (оценки 4 и 5) — 70 % (оценок: 10)');
    expect(body).toContain('II квартал 2026 г. Ответы в срок: обращений было меньше 10, показатель не рассчитывается');
    expect(body).not.toContain('98,6');
  });
});

describe('site facts without a personal account', () => {
  it('links the personal account nowhere and shows no banner for it', async () => {
    const outDir = await buildWith('');
    const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(await readFile(join(outDir, file), 'utf8'), file).not.toContain('lk.example-energo.ru');
    const home = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('home-banner--reception');
    expect(home).not.toContain('home-banner--personal-account');
    expect(home).not.toContain('Войти в личный кабинет');
  }, 600_000);
});
