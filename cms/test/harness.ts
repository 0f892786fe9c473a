import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Payload } from 'payload';
import { vi } from 'vitest';
import type { Role } from '../src/slugs';
import type { DatabaseTarget } from './database-targets';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TestCms {
  payload: Payload;
  dir: string;
  close(): Promise<void>;
}

/**
 * A real Payload instance on a fresh SQLite file in a temporary folder, with the committed migrations
 * applied by the same init code the CMS process runs. The job runner is off: tests run jobs explicitly.
 */
export async function startTestCms(env: Record<string, string> = {}, target?: DatabaseTarget): Promise<TestCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-cms-test-'));
  Object.assign(process.env, {
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-1234',
    DATABASE_URL: target ? target.databaseUrl(dir) : `file:${path.join(dir, 'test.db')}`,
    PORTAL_ROOT: ROOT,
    ATTACHMENTS_DIR: path.join(dir, 'attachments'),
    JOBS_AUTORUN: 'off',
    SEED_DEMO: 'off',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    // Expected failures (SMTP down) are asserted, not read from logs.
    LOG_LEVEL: 'silent',
    ...env,
  });
  // The config reads the environment when imported: a fresh module graph per instance.
  vi.resetModules();
  const { getPayload } = await import('payload');
  const { default: config } = await import('../src/payload.config');
  const payload = await getPayload({ config, key: dir });
  return {
    payload,
    dir,
    async close() {
      if (payload.db.name === 'mongoose') {
        await (payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }).connection.dropDatabase().catch(() => undefined);
      }
      await payload.destroy().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a staff user with the given roles and returns it as Payload's `user` argument expects. */
export async function createStaff(payload: Payload, email: string, roles: Role[]) {
  const user = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email, password: 'staff-password-1234', name: email, roles } as never,
  });
  return { ...user, collection: 'users' } as never;
}
