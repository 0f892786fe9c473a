import { describe, expect, it } from 'vitest';
import { loginToCms } from '../scripts/lib/cms-client';
import { ADMIN, CMS_URL, SITE_URL } from './support/env';

interface FaqDoc {
  id: number;
  slug: string;
  question: string;
  topic: { slug: string };
}

const poll = { timeout: 120_000, interval: 500 };

/**
 * The editorial journey through the real stack: «Опубликовать» in the CMS (REST API, as the admin's button does)
 * rebuilds the site in the background; the public server then serves the new text, search finds it, the admin
 * shows the document as live, and a changed address answers 301.
 */
describe('publishing journey', () => {
  it('a published edit reaches the public site and search, and the admin says it is live', async () => {
    const cms = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const { docs } = await cms.request<{ docs: FaqDoc[] }>('GET', '/api/faq?limit=1&depth=1&sort=slug&where[_status][equals]=published');
    const entry = docs[0]!;
    const marker = `proverkapublikacii${Date.now().toString(36)}`;
    await cms.request('PATCH', `/api/faq/${entry.id}`, { question: `${entry.question} ${marker}`, _status: 'published' });

    const pageUrl = `${SITE_URL}/faq/${entry.topic.slug}/${entry.slug}/`;
    await expect.poll(async () => (await fetch(pageUrl)).text(), poll).toContain(marker);
    const search = async () => ((await (await fetch(`${SITE_URL}/api/search?q=${marker}`)).json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    await expect.poll(search, poll).toContain(entry.slug);

    const builds = await cms.request<{ docs: { status: string }[] }>('GET', '/api/site-builds?sort=-requestedAt&limit=1');
    expect(builds.docs[0]?.status).toBe('succeeded');
    // The document's page in the admin carries the «На сайте» note.
    const adminPage = await fetch(`${CMS_URL}/admin/collections/faq/${entry.id}`, { headers: { Cookie: `payload-token=${cms.token}`, 'Sec-Fetch-Site': 'same-origin' } });
    expect(await adminPage.text()).toMatch(/Опубликовано на сайте сегодня в \d{1,2}:\d{2}/);
  });

  it('a changed address answers 301 from the old one on the public server', async () => {
    const cms = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
    const { docs } = await cms.request<{ docs: FaqDoc[] }>('GET', '/api/faq?limit=1&depth=1&sort=-slug&where[_status][equals]=published');
    const entry = docs[0]!;
    const newSlug = `${entry.slug}-novyi`;
    await cms.request('PATCH', `/api/faq/${entry.id}`, { slug: newSlug, _status: 'published' });
    const oldUrl = `${SITE_URL}/faq/${entry.topic.slug}/${entry.slug}/`;
    await expect.poll(async () => (await fetch(oldUrl, { redirect: 'manual' })).status, poll).toBe(301);
    const answer = await fetch(oldUrl, { redirect: 'manual' });
    expect(answer.headers.get('location')).toBe(`/faq/${entry.topic.slug}/${newSlug}/`);
    expect((await fetch(`${SITE_URL}${answer.headers.get('location')}`)).status).toBe(200);
  });
});
