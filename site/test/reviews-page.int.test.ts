import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'astro';

/**
 * «Отзывы о Компании» (issue 22) built by `astro build` from the fixture snapshot plus approved reviews: the list
 * with the official reply, the average per office, the per-office page, and schema.org AggregateRating counted only
 * from the reviews each page shows (expected figures by hand).
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workDir = join(repoRoot, 'node_modules/.cache');
const savedEnv = { ...process.env };
let dir: string;
let outDir: string;

const OFFICE = 'severo-ozersk-centralnyy';
const review = (id: number, rating: number, extra: Record<string, unknown> = {}) => ({
  id: String(id),
  rating,
  channel: 'office',
  office: OFFICE,
  authorName: `Клиент ${id}`,
  text: `Отзыв номер ${id} о работе офиса.`,
  approvedAt: `2026-11-${String(10 + id).padStart(2, '0')}T09:00:00.000Z`,
  redacted: false,
  officialReply: null,
  ...extra,
});

beforeAll(async () => {
  await mkdir(workDir, { recursive: true });
  dir = await mkdtemp(join(workDir, 'reviews-build-test-'));
  outDir = join(dir, 'out');
  const fixture = JSON.parse(await readFile(join(repoRoot, 'site/fixtures/site-export.json'), 'utf8')) as Record<string, unknown>;
  // Newest first, as the CMS exports them: the office's 5, 4, 4, 1 and one review of the site rated 2.
  fixture.reviews = [
    review(5, 2, { channel: 'site', office: null }),
    review(4, 5, { officialReply: { text: 'Спасибо! Передали благодарность сотрудникам офиса.', at: '2026-11-16T10:00:00.000Z' } }),
    review(3, 4),
    review(2, 4),
    review(1, 1),
  ];
  const exportFile = join(dir, 'site-export.json');
  await writeFile(exportFile, JSON.stringify(fixture));
  Object.assign(process.env, { ASTRO_TELEMETRY_DISABLED: '1', SITE_TODAY: '2026-11-27', SITE_OUT_DIR: outDir, SITE_EXPORT_FILE: exportFile });
  delete process.env.SITE_EXPORT_URL;
  await build({ root: repoRoot, outDir, logLevel: 'silent' });
}, 300_000);

afterAll(async () => {
  process.env = savedEnv;
  await rm(dir, { recursive: true, force: true });
});

const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as Record<string, any> | null;

describe('the reviews pages', () => {
  it('the office page rates the office from its four reviews: 5, 4, 4, 1 → 3.5 from 4', async () => {
    const html = await readFile(join(outDir, 'otzyvy', 'ofis', OFFICE, 'index.html'), 'utf8');
    const data = jsonLd(html)!;
    expect(data['@type']).toBe('LocalBusiness');
    expect(data.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 3.5, reviewCount: 4, bestRating: 5, worstRating: 1 });
    expect(data.review).toHaveLength(4);
    expect(html).not.toContain('Клиент 5');
  });

  it('the list rates the company from the five reviews it shows: (2 + 5 + 4 + 4 + 1) / 5 = 3.2', async () => {
    const html = await readFile(join(outDir, 'otzyvy', 'index.html'), 'utf8');
    const data = jsonLd(html)!;
    expect(data['@type']).toBe('Organization');
    expect(data.aggregateRating).toMatchObject({ ratingValue: 3.2, reviewCount: 5 });
    // The average per office in the table: 3,5 from 4, linking to the office's page.
    expect(html).toMatch(/href="\/otzyvy\/ofis\/severo-ozersk-centralnyy\/"[^>]*>ЦОК «Северо-Озёрск, Центральный»<\/a><\/th><td>3,5 из 5<\/td><td>4<\/td>/);
    // The official reply, marked as such, under its review.
    expect(html).toMatch(/Отзыв номер 4 о работе офиса\.[\s\S]*?Официальный ответ[\s\S]*?Спасибо! Передали благодарность/);
    // The form links to the rules and carries the no-script markers the public server fills.
    expect(html).toContain('href="/obratnaya-svyaz/pravila-foruma-i-otzyvov/"');
    expect(html).toContain('<!--portal:review-outcome-->');
  });

  it('lists the reviews pages in the sitemap', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('/otzyvy/</loc>');
    expect(sitemap).toContain(`/otzyvy/ofis/${OFFICE}/</loc>`);
  });
});
