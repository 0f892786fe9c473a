import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIfDayChanged } from '../src/publishing/daily-build';
import { startTestCms, type TestCms } from './harness';

let cms: TestCms;
let buildsDir: string;

beforeAll(async () => {
  buildsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-daily-build-'));
  cms = await startTestCms({
    SITE_BUILDS_DIR: buildsDir,
    SITE_CURRENT_LINK: path.join(buildsDir, 'current'),
    SITE_EXPORT_URL: 'http://127.0.0.1:9/api/site-export',
  });
}, 120_000);

afterAll(async () => {
  await cms?.close();
  fs.rmSync(buildsDir, { recursive: true, force: true });
});

const builds = async (status: string) =>
  (await cms.payload.find({ collection: 'site-builds', where: { status: { equals: status } }, overrideAccess: true })).totalDocs;

describe('the site is rebuilt once a new day begins in the company time zone', () => {
  it('requests a build when the last successful one was made on an earlier local day, and only once', async () => {
    // Built at 23:30 Moscow time on 26 November…
    await cms.payload.create({
      collection: 'site-builds',
      overrideAccess: true,
      data: { status: 'succeeded', requestedAt: '2026-11-26T20:29:00.000Z', finishedAt: '2026-11-26T20:30:00.000Z', changes: 1 } as never,
    });
    // …at 23:50 Moscow time it is still the same day: nothing to do.
    expect(await rebuildIfDayChanged(cms.payload, new Date('2026-11-26T20:50:00.000Z'))).toBe(false);
    // 00:05 Moscow time on 27 November (21:05 UTC on the 26th): a new day.
    expect(await rebuildIfDayChanged(cms.payload, new Date('2026-11-26T21:05:00.000Z'))).toBe(true);
    expect(await builds('queued')).toBe(1);
    // The build is still queued an hour later: no second request.
    expect(await rebuildIfDayChanged(cms.payload, new Date('2026-11-26T22:05:00.000Z'))).toBe(false);
    expect(await builds('queued')).toBe(1);
  });
});

describe('the outages page follows an outage\'s start and expected end within the day', () => {
  it('requests a build once an outage\'s start has passed since the last build, not before', async () => {
    const { payload } = cms;
    const place = await payload.create({ collection: 'territories', overrideAccess: true, data: { name: 'с. Озерки', slug: 'ozerki' } as never });
    // 9:00 to 16:00 Moscow time on 27 November = 06:00 to 13:00 UTC.
    await payload.create({
      collection: 'news',
      overrideAccess: true,
      context: { skipSearchSync: true },
      data: { title: 'Отключение в Озерках', slug: 'ozerki-27', type: 'planned-outage', date: '2026-11-20', summary: 'Ремонт.', settlements: [place.id], outageState: 'planned', outageStart: '2026-11-27T06:00:00.000Z', outageEnd: '2026-11-27T13:00:00.000Z', _status: 'published' } as never,
    });
    // Publishing it queued a build; say it ran at 7:00 Moscow time.
    for (const build of (await payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })).docs) {
      await payload.update({ collection: 'site-builds', id: build.id, overrideAccess: true, data: { status: 'succeeded', requestedAt: '2026-11-27T04:00:00.000Z', finishedAt: '2026-11-27T04:01:00.000Z' } as never });
    }
    // 8:05 Moscow time: nothing has started yet.
    expect(await rebuildIfDayChanged(payload, new Date('2026-11-27T05:05:00.000Z'))).toBe(false);
    // 9:05: it has started.
    expect(await rebuildIfDayChanged(payload, new Date('2026-11-27T06:05:00.000Z'))).toBe(true);
    expect(await builds('queued')).toBe(1);
  });
});
