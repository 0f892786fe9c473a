import type { Access, Payload, PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCms, type TestCms } from './harness';

/**
 * The access matrix, generated from the live config: every collection and global × every role × every operation.
 * Each collection declares an access profile (`custom.accessProfile`; `publicContent()` sets it), and the expected
 * answers per profile are written out here independently of the code. A collection added without a profile, or
 * whose rules drift from its profile, fails this test.
 */
type Who = 'anonymous' | 'handler' | 'editor' | 'admin';
type Verdict = 'all' | 'published' | 'own' | 'own-and-handlers' | 'none';
const WHO: Who[] = ['anonymous', 'handler', 'editor', 'admin'];
const COLLECTION_OPERATIONS = ['create', 'read', 'update', 'delete', 'readVersions'] as const;
type Operation = (typeof COLLECTION_OPERATIONS)[number];

const row = (anonymous: Verdict, handler: Verdict, editor: Verdict, admin: Verdict): Record<Who, Verdict> => ({ anonymous, handler, editor, admin });
const EDITORS = row('none', 'none', 'all', 'all');
const NOBODY = row('none', 'none', 'none', 'none');

/** What each profile must allow. `readVersions` applies only to collections with versions. */
const PROFILES: Record<string, Partial<Record<Operation, Record<Who, Verdict>>>> = {
  // Pages of the site: the public reads what is published, editors do the rest; handlers only see what the public sees.
  'public-content': { create: EDITORS, read: row('published', 'published', 'all', 'all'), update: EDITORS, delete: EDITORS, readVersions: EDITORS },
  // Reference lists without drafts (topics): anyone reads, editors change.
  'public-reference': { create: EDITORS, read: row('all', 'all', 'all', 'all'), update: EDITORS, delete: EDITORS },
  // Editorial tools not shown as content (redirects).
  'staff-managed': { create: EDITORS, read: EDITORS, update: EDITORS, delete: EDITORS },
  // Appeals: created only by the server; handlers and admins work on them; only admins delete.
  appeals: { create: NOBODY, read: row('none', 'all', 'none', 'all'), update: row('none', 'all', 'none', 'all'), delete: row('none', 'none', 'none', 'all'), readVersions: NOBODY },
  // Staff accounts: admins manage; everyone else edits only their own account. Handlers also read other handlers'
  // accounts (name, position and roles only) to choose an assignee.
  users: { create: row('none', 'none', 'none', 'all'), read: row('none', 'own-and-handlers', 'own', 'all'), update: row('none', 'own', 'own', 'all'), delete: row('none', 'none', 'none', 'all') },
  // Written only by the server (builds, audit log): editors and admins read, nobody edits or deletes.
  'server-records': { create: NOBODY, read: EDITORS, update: NOBODY, delete: NOBODY },
  // Internal counters: admins may look, nobody writes through the API.
  internal: { create: NOBODY, read: row('none', 'none', 'none', 'all'), update: NOBODY, delete: NOBODY },
  // Complaint answer summaries: handlers draft them from their answers; the public reads what is published.
  summaries: { create: row('none', 'all', 'all', 'all'), read: row('published', 'all', 'all', 'all'), update: row('none', 'all', 'all', 'all'), delete: row('none', 'all', 'all', 'all'), readVersions: row('none', 'all', 'all', 'all') },
  // Downloadable files of published documents: anyone reads, editors upload and replace.
  'public-files': { create: EDITORS, read: row('all', 'all', 'all', 'all'), update: EDITORS, delete: EDITORS },
  // Files attached to appeals: stored only by the server, seen only by handlers and admins, never changed.
  'appeal-files': { create: NOBODY, read: row('none', 'all', 'none', 'all'), update: NOBODY, delete: row('none', 'none', 'none', 'all') },
  // Answer templates: handlers use them, editors and admins keep them; never public.
  'staff-templates': { create: EDITORS, read: row('none', 'all', 'all', 'all'), update: EDITORS, delete: EDITORS },
  // Anonymous statistics written by the server (search queries): editors read, only admins clear them.
  analytics: { create: NOBODY, read: EDITORS, update: NOBODY, delete: row('none', 'none', 'none', 'all') },
};
const GLOBAL_PROFILES: Record<string, { read: Record<Who, Verdict>; update: Record<Who, Verdict> }> = {
  settings: { read: row('all', 'all', 'all', 'all'), update: row('none', 'none', 'none', 'all') },
  'editorial-settings': { read: row('all', 'all', 'all', 'all'), update: EDITORS },
  // Editors' working settings that the public never sees (search synonyms).
  'editorial-private': { read: EDITORS, update: EDITORS },
};

let cms: TestCms;
let payload: Payload;

function requestFor(who: Who): PayloadRequest {
  const user = who === 'anonymous' ? null : { id: 4242, email: `${who}@example.ru`, roles: [who], collection: 'users' };
  return { user, payload, context: {}, headers: new Headers(), locale: undefined } as unknown as PayloadRequest;
}

async function verdict(access: Access | undefined, who: Who): Promise<Verdict> {
  if (!access) return who === 'anonymous' ? 'none' : 'all'; // Payload's default: any logged-in user.
  const result = await access({ req: requestFor(who) } as never);
  if (result === true) return 'all';
  if (result === false) return 'none';
  const text = JSON.stringify(result);
  if (text.includes('"_status"') && text.includes('published')) return 'published';
  if (text.includes('"id"') && text.includes('4242') && text.includes('"roles"') && text.includes('"handler"')) return 'own-and-handlers';
  if (text.includes('"id"') && text.includes('4242')) return 'own';
  return 'none';
}

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
}, 120_000);

afterAll(async () => {
  await cms?.close();
});

describe('access matrix (every collection × role × operation, from the config)', () => {
  it('every collection and global declares a known access profile', () => {
    const own = payload.config.collections.filter((collection) => !collection.slug.startsWith('payload-'));
    const missing = own.filter((collection) => !PROFILES[String(collection.custom?.accessProfile)]).map((collection) => collection.slug);
    expect(missing).toEqual([]);
    const missingGlobals = payload.config.globals.filter((global) => !global.slug.startsWith('payload-')).filter((global) => !GLOBAL_PROFILES[String(global.custom?.accessProfile)]).map((global) => global.slug);
    expect(missingGlobals).toEqual([]);
  });

  it('collections allow exactly what their profile says', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const collection of payload.config.collections.filter((c) => !c.slug.startsWith('payload-'))) {
      const profile = PROFILES[String(collection.custom?.accessProfile)];
      if (!profile) continue;
      const operations = COLLECTION_OPERATIONS.filter((operation) => operation !== 'readVersions' || collection.versions);
      for (const operation of operations) {
        const expected = profile[operation] ?? NOBODY;
        for (const who of WHO) {
          const actual = await verdict(collection.access[operation] as Access | undefined, who);
          checked++;
          if (actual !== expected[who]) problems.push(`${collection.slug}.${operation} for ${who}: ${actual}, expected ${expected[who]}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('globals (settings) allow exactly what their profile says', async () => {
    const problems: string[] = [];
    for (const global of payload.config.globals.filter((g) => !g.slug.startsWith('payload-'))) {
      const profile = GLOBAL_PROFILES[String(global.custom?.accessProfile)];
      if (!profile) continue;
      for (const operation of ['read', 'update'] as const) {
        for (const who of WHO) {
          const actual = await verdict(global.access[operation] as Access | undefined, who);
          if (actual !== profile[operation][who]) problems.push(`${global.slug}.${operation} for ${who}: ${actual}, expected ${profile[operation][who]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every public collection has drafts, versions and scheduled publishing', () => {
    const withoutDrafts = payload.config.collections
      .filter((collection) => collection.custom?.accessProfile === 'public-content')
      .filter((collection) => !collection.versions?.drafts || !collection.versions.drafts.schedulePublish)
      .map((collection) => collection.slug);
    expect(withoutDrafts).toEqual([]);
  });
});
