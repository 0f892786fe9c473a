import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload, PayloadRequest } from 'payload';
import type { SearchResult } from '@portal/search/contract';
import { endpoints } from '../src/endpoints';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

/*
 * Offices and payment points in search, end to end: the demo content seeded and indexed by the CMS's own
 * start-up path, then searched through the public search endpoint (`GET /api/search`), the one the site's
 * island and the server-rendered search page use.
 */

let cms: TestCms;
let payload: Payload;

/** `GET /api/search?…` the way Payload calls the endpoint. */
async function search(params: Record<string, string>): Promise<SearchResult> {
  const endpoint = endpoints.find((candidate) => candidate.path === '/search' && candidate.method === 'get');
  if (!endpoint) throw new Error('no search endpoint');
  const request = new Request(`http://cms.local/api/search?${new URLSearchParams(params).toString()}`);
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest);
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResult;
}
const top3 = async (q: string) => (await search({ q, limit: '3' })).hits.map((hit) => ({ type: hit.type, url: hit.url, title: hit.question }));
const ZARECHNYY = { type: 'office', url: '/spravka/ofisy/severo-ozersk-zarechnyy/', title: 'ЦОК «Северо-Озёрск, Заречный»' };

describe.each(databaseTargets())('offices in search on $name', (target) => {
  beforeAll(async () => {
    cms = await startTestCms({ SEED_DEMO: 'on' }, target);
    payload = cms.payload;
  }, 180_000);

  afterAll(async () => {
    await cms?.close();
  });

  it('finds the Заречный office in the top 3 by its name and by a declined form, linked to its page', async () => {
    expect(await top3('Заречный')).toContainEqual(ZARECHNYY);
    expect(await top3('заречном')).toContainEqual(ZARECHNYY);
    expect(await top3('офис в Заречном')).toContainEqual(ZARECHNYY);
  });

  it('says what the hit is and where: an office or a payment point, with its settlement', async () => {
    const [office] = (await search({ q: 'Заречный', limit: '1' })).hits;
    expect(office).toMatchObject({ type: 'office', topicTitle: 'Северо-Озёрск', audience: 'all' });
    expect(office?.snippetHtml).toContain('пр-т Рыбаков');
    const points = (await search({ q: 'пункт приёма платежей', type: 'payment-point' })).hits;
    expect(points.map((hit) => hit.url).sort()).toEqual(['/spravka/punkty-oplaty/punkt-oplaty-vokzalnyy/', '/spravka/punkty-oplaty/punkt-oplaty-yasnoborsk/']);
  });

  it('follows publishing: an unpublished office leaves the search, a renamed one is found by its new name', async () => {
    const { docs } = await payload.find({ collection: 'offices', where: { slug: { equals: 'severo-ozersk-zarechnyy' } }, overrideAccess: true, limit: 1 });
    const id = docs[0]!.id;
    await payload.update({ collection: 'offices', id, overrideAccess: true, data: { _status: 'draft' } as never });
    expect(await top3('Заречный')).not.toContainEqual(ZARECHNYY);
    await payload.update({ collection: 'offices', id, overrideAccess: true, data: { name: 'ЦОК «Северо-Озёрск, Рыбацкий»', _status: 'published' } as never });
    expect(await top3('Рыбацкий')).toContainEqual({ ...ZARECHNYY, title: 'ЦОК «Северо-Озёрск, Рыбацкий»' });
  });
});
