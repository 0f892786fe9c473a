import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import type { PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, startTestCms, type TestCms } from './harness';

/**
 * `POST /api/backup`: the database copy `npm run backup` packs is taken by the CMS process itself, for internal
 * callers only, into an owner-only staging folder beside the database.
 */
let cms: TestCms;
const TOKEN = 'backup-endpoint-test-token-123456';

beforeAll(async () => {
  cms = await startTestCms({ CMS_INTERNAL_TOKEN: TOKEN });
});
afterAll(async () => cms?.close());

async function callBackup(headers: Record<string, string>) {
  const { backupEndpoint } = await import('../src/endpoints/backup');
  const request = new Request('http://cms.local/api/backup', { method: 'POST', headers });
  const response = await backupEndpoint.handler(Object.assign(request, { payload: cms.payload }) as unknown as PayloadRequest);
  return { status: response.status, body: (await response.json()) as { snapshotFile?: string; takenAt?: string; attachmentsDir?: string } };
}

const staging = () => path.join(cms.dir, 'backup-staging');

describe('POST /api/backup', () => {
  it('refuses a caller from elsewhere and one with a wrong token, copying nothing', async () => {
    expect((await callBackup({ 'x-forwarded-for': '198.51.100.7' })).status).toBe(403);
    expect((await callBackup({ 'x-forwarded-for': '127.0.0.1, 198.51.100.7' })).status).toBe(403);
    expect((await callBackup({ 'x-internal-token': 'not-the-token-not-the-token' })).status).toBe(403);
    expect(fs.existsSync(staging()) ? fs.readdirSync(staging()) : []).toEqual([]);
  });

  it('gives a loopback caller an owner-only copy holding what was committed before it', async () => {
    await createStaff(cms.payload, 'before.backup@example.ru', ['editor']);
    const { status, body } = await callBackup({ 'x-forwarded-for': '127.0.0.1' });
    expect(status).toBe(200);
    const file = body.snapshotFile as string;
    expect(path.dirname(file)).toBe(staging());
    expect(fs.statSync(staging()).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(body.attachmentsDir).toBe(path.join(cms.dir, 'attachments'));
    const db = createClient({ url: `file:${file}` });
    try {
      const rows = await db.execute({ sql: 'SELECT email FROM users WHERE email = ?', args: ['before.backup@example.ru'] });
      expect(rows.rows).toHaveLength(1);
      const migrations = await db.execute('SELECT count(*) AS n FROM payload_migrations');
      expect(Number(migrations.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('answers the internal token from anywhere', async () => {
    const { status, body } = await callBackup({ 'x-internal-token': TOKEN, 'x-forwarded-for': '198.51.100.7' });
    expect(status).toBe(200);
    expect(fs.existsSync(body.snapshotFile as string)).toBe(true);
  });
});
