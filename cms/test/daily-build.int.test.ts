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
