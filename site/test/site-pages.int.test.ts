import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'astro';
import { calculateCost, formatRubles } from '@portal/core/tariff-calculator';
import { parseSiteExport } from '../src/lib/export';

/** Builds the real site from the fixture and checks the reference sections a visitor relies on. */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixturePath = join(repoRoot, 'site/fixtures/site-export.json');
const workDir = join(repoRoot, 'node_modules/.cache');
const savedEnv = { ...process.env };
const tempDirs: string[] = [];
const fixture = parseSiteExport(JSON.parse(await readFile(fixturePath, 'utf8')), 'fixture');

async function buildSite(exportFile: string, today: string): Promise<string> {
  await mkdir(workDir, { recursive: true });
  const outDir = await mkdtemp(join(workDir, 'site-pages-test-'));
  tempDirs.push(outDir);
  Object.assign(process.env, { ASTRO_TELEMETRY_DISABLED: '1', SITE_OUT_DIR: outDir, SITE_EXPORT_FILE: exportFile, SITE_TODAY: today });
  delete process.env.SITE_EXPORT_URL;
  await build({ root: repoRoot, outDir, logLevel: 'silent' });
  return outDir;
}

afterAll(async () => {
  process.env = savedEnv;
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');

describe('reference sections built from the fixture', () => {
  let outDir: string;
  const page = (path: string) => readFile(join(outDir, path), 'utf8');
  beforeAll(async () => {
    outDir = await buildSite(fixturePath, '2026-11-27');
  });

  it('lists in sitemap.xml exactly the HTML pages written (except 404), none deeper than four levels', async () => {
    const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html')
      .map((entry) => `/${relative(outDir, join(entry.parentPath, entry.name)).replace(/index\.html$/, '')}`)
      .sort();
    const sitemap = [...(await page('sitemap.xml')).matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map((match) => match[1]!).sort();
    expect(sitemap).toEqual(files);
    for (const path of sitemap) expect(path.split('/').filter(Boolean).length, path).toBeLessThanOrEqual(4);
    expect(await page('robots.txt')).toMatch(/Sitemap: http:\/\/localhost:3000\/sitemap\.xml/);
    const siteMapPage = await page('karta-sajta/index.html');
    for (const path of ['/fizlicam/tarify/', '/spravka/ofisy/', '/yurlicam/dogovor/']) expect(siteMapPage).toContain(`href="${path}"`);
  });

  it('shows the current tariffs per group and zone with the decree, and the calculator island', async () => {
    const html = await page('fizlicam/tarify/index.html');
    const current = fixture.tariffPeriods.find((period) => period.slug === '2026-2')!;
    const plain = text(html);
    expect(plain).toContain(`№ ${current.decree.number}`);
    expect(plain).toContain(current.decree.publishedIn);
    expect(plain).toContain('Население в сельских населённых пунктах');
    const ruralNight = current.rates.find((rate) => rate.group === 'rural' && rate.scheme === 'two' && rate.zone === 'night')!;
    expect(plain).toContain(formatRubles(ruralNight.priceKopecks).replace(/\u00a0/g, ' '));
    expect(html).toMatch(/<th scope="col"[^>]*>Зона суток<\/th>/);
    // Dates said once, one full stop after «г.» (issue 12: «(1 октября 2026 г. — …)» and «2025 г..»).
    expect(plain).toContain('Действуют тарифы с 1 октября по 31 декабря 2026 г.');
    expect(plain).not.toMatch(/г\.\s*\./);
    expect(plain).not.toContain('1 октября 2026 г. —');
    expect(html).toMatch(/<astro-island[^>]*component-url="\/_astro\/TariffCalculatorIsland[^"]*"[^>]*client="load"/);
    expect(html).toContain('href="/fizlicam/tarify/tarify.csv"');
    // Without JavaScript the island says so instead of showing a form that cannot work.
    expect(plain).toContain('Калькулятор стоимости работает при включённом JavaScript');
  });

  it('offers every period as CSV and JSON, prices to the kopeck', async () => {
    const csv = await page('fizlicam/tarify/tarify.csv');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows.length).toBe(1 + fixture.tariffPeriods.reduce((sum, period) => sum + period.rates.length, 0));
    const json = JSON.parse(await page('fizlicam/tarify/tarify.json'));
    expect(json.periods).toHaveLength(fixture.tariffPeriods.length);
    const prices = await page('yurlicam/ceny/ceny.csv');
    expect(prices.split('\r\n')[0]).toBe('month,price_category,capacity_group,capacity_group_name,price_rub_per_mwh_without_vat');
    // The calculator's arithmetic on a published period matches the table prices exactly.
    const period = fixture.tariffPeriods.find((item) => item.slug === '2026-2')!;
    const cost = calculateCost(period, { group: 'rural', scheme: 'two', kwh: { day: 100, night: 50 } });
    expect(cost.totalKopecks).toBe(100 * cost.lines[0]!.priceKopecks + 50 * cost.lines[1]!.priceKopecks);
  });

  it('keeps the archive by period, four segments deep at most', async () => {
    for (const period of fixture.tariffPeriods) {
      const html = await page(`fizlicam/tarify/arhiv/${period.slug}/index.html`);
      expect(text(html)).toContain(`№ ${period.decree.number}`);
      expect(text(html)).not.toMatch(/г\.\s*\./);
    }
  });

  it('gives each office a page with weekly hours for all seven days (no JavaScript needed) and schema.org hours', async () => {
    const office = fixture.offices.find((item) => item.kind === 'office')!;
    const html = await page(`spravka/ofisy/${office.slug}/index.html`);
    const plain = text(html);
    for (const day of ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье']) expect(plain).toContain(day);
    expect(plain).toContain('перерыв 12:00–12:45');
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!);
    expect(jsonLd['@type']).toBe('LocalBusiness');
    expect(jsonLd.openingHoursSpecification.length).toBeGreaterThan(5);
    // The status and today's row come from a small module script reading a JSON block, not from a React island.
    expect(html).not.toContain('<astro-island');
    expect(html).toMatch(/<p class="office-status" role="status" data-office-status="[^"]+"><\/p>/);
    expect(html).toMatch(/<script type="application\/json" data-office-hours>\{"timeZone":"Europe\/Moscow"/);
    expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    expect(html.match(/<tr data-weekday="[1-7]">/g)).toHaveLength(7);
    // Coordinates open a map only by following a link; nothing of the map is loaded on the page.
    expect(html).toContain(`<a href="https://yandex.ru/maps/?pt=${office.longitude},${office.latitude}&amp;z=16&amp;l=map" rel="noreferrer">Открыть на карте</a>`);
    // A way to pay with a comma inside it stays one item.
    const withComma = fixture.offices.find((item) => item.payment.some((option) => option.includes(',')))!;
    const paying = await page(`spravka/ofisy/${withComma.slug}/index.html`);
    expect(paying).toContain('<li>платёжный терминал (карта, СБП)</li>');
    // Per-office FAQ.
    const faq = fixture.faq.find((entry) => entry.office === office.slug);
    if (faq) expect(html).toContain(`href="/faq/${faq.topic}/${faq.slug}/"`);
    // Payment points have their own section.
    const point = fixture.offices.find((item) => item.kind === 'payment-point')!;
    expect(await page(`spravka/punkty-oplaty/${point.slug}/index.html`)).toContain(point.name.replace(/«/g, '«'));
  });

  it('lists every office with a place for its status and its hours as short lines, days and lunch apart', async () => {
    const html = await page('spravka/ofisy/index.html');
    const offices = fixture.offices.filter((item) => item.kind === 'office');
    for (const office of offices) expect(html, office.slug).toContain(`data-office-status="${office.slug}"`);
    expect(html).toMatch(/<script type="application\/json" data-office-hours>/);
    const zarechnyy = text(html.slice(html.indexOf('data-office-status="severo-ozersk-zarechnyy"')));
    expect(zarechnyy).toContain('Часы работы Пн–Пт понедельник — пятница 9:00–18:00 перерыв 13:00–13:45 Сб суббота 10:00–14:00 Вс воскресенье выходной');
    expect(html).toContain('<dd class="hours-list__lunch">перерыв 13:00–13:45</dd>');
    const points = await page('spravka/punkty-oplaty/index.html');
    for (const point of fixture.offices.filter((item) => item.kind === 'payment-point')) expect(points, point.slug).toContain(`data-office-status="${point.slug}"`);
  });

  it('shows the urgent banner on every page until its last day, as a collapsible <details>', async () => {
    const urgent = fixture.news.find((item) => item.urgent)!;
    for (const path of ['index.html', 'fizlicam/index.html', 'spravka/ofisy/index.html']) {
      const html = await page(path);
      expect(html, path).toMatch(/<aside class="urgent" aria-label="Срочные сообщения"><div class="page-width"><details open>/);
      expect(html, path).toContain(`href="/spravka/novosti/${urgent.slug}/"`);
    }
  });

  it('offers the low-vision version on every page as a plain form that returns to the same page', async () => {
    const html = await page('spravka/ofisy/index.html');
    expect(html).toMatch(/<form class="display-mode display-mode--on" method="post" action="\/api\/display-mode"><input type="hidden" name="mode" value="low-vision"><input type="hidden" name="back" value="\/spravka\/ofisy\/"><button type="submit" class="display-mode__button">Версия для слабовидящих<\/button><\/form>/);
    expect(html).toContain('Обычная версия сайта');
    // The settings: one submit button per value, named as the public server expects (public-server/src/display-mode.ts).
    for (const [name, values] of [['font', ['1', '2', '3']], ['colors', ['black', 'white', 'blue']], ['images', ['on', 'off']], ['spacing', ['normal', 'wide']]] as const) {
      for (const value of values) expect(html, `${name}=${value}`).toMatch(new RegExp(`<button type="submit" class="[^"]*" name="${name}" value="${value}">`));
    }
  });

  it('frames every page with a collapsible menu, header search and a short footer without the offices\' hours', async () => {
    const html = await page('index.html');
    expect(html).toMatch(/<details class="site-menu"><summary class="site-menu__toggle">Меню<\/summary>/);
    expect(html).toMatch(/<form class="header-search" action="\/search\/" method="get" role="search"/);
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain(`href="mailto:${fixture.company.email}"`);
    expect(footer).toContain('href="/spravka/ofisy/"');
    expect(text(footer)).not.toMatch(/Часы работы/);
    // The search page has its own field, the one the public server fills with the query.
    expect((await page('search/index.html')).match(/name="q"/g)).toHaveLength(1);
  });

  it('does not repeat a section\'s title as grey text under its heading', async () => {
    const section = fixture.pages.find((item) => item.path === '/fizlicam/')!;
    const html = await page('fizlicam/index.html');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(text(main).split(section.title).length - 1).toBe(1);
  });

  it('lists news with type filters and an RSS feed', async () => {
    const html = await page('spravka/novosti/index.html');
    expect(html).toContain('href="/spravka/novosti/tip/planned-outage/"');
    const outages = await page('spravka/novosti/tip/planned-outage/index.html');
    for (const item of fixture.news) {
      expect(outages.includes(`href="/spravka/novosti/${item.slug}/"`), item.slug).toBe(item.type === 'planned-outage' || item.urgent);
    }
    const rss = await page('spravka/novosti/rss.xml');
    expect(rss).toContain('<rss version="2.0"');
    expect(rss.match(/<item>/g)).toHaveLength(fixture.news.length);
  });

  it('renders CMS pages with breadcrumbs and the section contents', async () => {
    const html = await page('fizlicam/dogovor/status/index.html');
    expect(html).toMatch(/<nav class="breadcrumbs"[\s\S]*href="\/fizlicam\/"[\s\S]*href="\/fizlicam\/dogovor\/"[\s\S]*aria-current="page"/);
    const contacts = await page('spravka/kontakty/index.html');
    expect(contacts).toContain(`href="mailto:${fixture.company.email}"`);
    const section = await page('fizlicam/index.html');
    expect(section).toContain('href="/fizlicam/tarify/"');
    expect(section).toContain('href="/fizlicam/dogovor/"');
  });

  it('publishes the quarterly appeal reports by topic with trends, small counts hidden, linked from «Обратная связь»', async () => {
    const html = await page('obratnaya-svyaz/kvartalnye-otchety/index.html');
    const plain = text(html);
    expect(plain).toContain('III квартал 2026 г.');
    expect(plain).toContain('II квартал 2026 г.');
    // Newest quarter first.
    expect(plain.indexOf('III квартал 2026 г.')).toBeLessThan(plain.indexOf('II квартал 2026 г.'));
    expect(html).toMatch(/<caption>Обращения по темам: III квартал 2026 г\. в сравнении с II квартал 2026 г\.<\/caption>/);
    expect(html).toContain('<th scope="col">Изменение</th>');
    expect(html).toMatch(/<th scope="row">Показания и приборы учёта<\/th>\s*<td>41<\/td>\s*<td>35<\/td>\s*<td>рост на 17 %<\/td>/);
    expect(html).toMatch(/<th scope="row">Льготы и субсидии<\/th>\s*<td>менее 3<\/td>/);
    expect(plain).toContain('Всего обращений: не менее 79');
    expect(plain).toContain('Всего обращений: 65 (в предыдущем квартале — 68)');
    // Every channel counted (II quarter: the split is safe to publish); III quarter's split would reveal a hidden count.
    expect(html).toMatch(/<caption>Обращения по каналам поступления: II квартал 2026 г\. в сравнении с I квартал 2026 г\.<\/caption>/);
    expect(html).toMatch(/<th scope="row">Почта \(письменное обращение\)<\/th>\s*<td>4<\/td>\s*<td>3<\/td>\s*<td>рост на 33 %<\/td>/);
    expect(html).toMatch(/<th scope="row">Телефон<\/th>\s*<td>6<\/td>/);
    expect(html).not.toContain('Обращения по каналам поступления: III квартал');
    expect(plain).toContain('Разбивка по каналам поступления (сайт, электронная почта, телефон, офис, почта) за этот квартал не публикуется');
    expect(await page('obratnaya-svyaz/index.html')).toContain('href="/obratnaya-svyaz/kvartalnye-otchety/"');
    expect(await page('sitemap.xml')).toContain('/obratnaya-svyaz/kvartalnye-otchety/</loc>');
  });
});

describe('expiry and depth', () => {
  it('drops the urgent banner after its last day', async () => {
    const outDir = await buildSite(fixturePath, '2026-12-04');
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).not.toContain('class="urgent"');
  });

  it('fails the build when a CMS page is five levels deep', async () => {
    const raw = JSON.parse(await readFile(fixturePath, 'utf8'));
    raw.pages.push({ path: '/fizlicam/dogovor/status/etap/lishniy/', slug: 'lishniy', parentPath: '/fizlicam/dogovor/status/etap/', title: 'Слишком глубоко', audience: 'all', updatedAt: '2026-01-01T00:00:00Z' });
    await mkdir(workDir, { recursive: true });
    const dir = await mkdtemp(join(workDir, 'site-deep-cms-'));
    tempDirs.push(dir);
    const file = join(dir, 'site-export.json');
    await writeFile(file, JSON.stringify(raw));
    await expect(buildSite(file, '2026-11-27')).rejects.toThrow(/\/fizlicam\/dogovor\/status\/etap\/lishniy\/" \(5 segments\)/);
  });
});
