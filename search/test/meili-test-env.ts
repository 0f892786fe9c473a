import { randomUUID } from 'node:crypto';
import { MeiliSearchEngine } from '../src/meili-engine';

/** Meilisearch connection for integration tests, or undefined when no server is configured. */
export const MEILI_TEST_HOST = process.env.MEILI_HOST || undefined;

let announced = false;

/**
 * Says out loud that Meilisearch tests are skipped (never skip silently). Called at the top of
 * each Meilisearch test file; prints once per file.
 */
export function announceMeiliSkip(what: string): void {
  if (MEILI_TEST_HOST || announced) return;
  announced = true;
  console.warn(`${what} skipped: MEILI_HOST is not set (no Meilisearch server can be installed on this machine)`);
}

/** A Meilisearch engine on a fresh, uniquely named index, so test runs never share data. */
export function createTestMeiliEngine(host: string): MeiliSearchEngine {
  return new MeiliSearchEngine({
    host,
    apiKey: process.env.MEILI_API_KEY || undefined,
    indexPrefix: `test_${randomUUID().slice(0, 8)}_`,
  });
}
