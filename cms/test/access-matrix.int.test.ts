import type { Access, Payload, PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/slugs';
import { startTestCms, type TestCms } from './harness';

/**
 * The access matrix, generated from the live config: every collection and global × every role × every operation.
 * Each collection declares an access profile (`custom.accessProfile`; `publicContent()` sets it), and the expected
 * answers per profile are written out here independently of the code. A collection added without a profile, or
 * whose rules drift from its profile, fails this test.
 */
type Who = 'anonymous' | 'handler' | 'editor' | 'admin' | 'manager';
type Verdict = 'all' | 'published' | 'own' | 'own-and-handlers' | 'drafts' | 'none';
const WHO: Who[] = ['anonymous', 'handler', 'editor', 'admin', 'manager'];
const COLLECTION_OPERATIONS = ['create', 'read', 'update', 'delete', 'readVersions'] as const;
type Operation = (typeof COLLECTION_OPERATIONS)[number];

/** One expectation per role; managers (the appeals report only) are the last column and must be given everywhere. */
const row = (anonymous: Verdict, handler: Verdict, editor: Verdict, admin: Verdict, manager: Verdict): Record<Who, Verdict> => ({ anonymous, handler, editor, admin, manager });
const EDITORS = row('none', 'none', 'all', 'all', 'none');
const NOBODY = row('none', 'none', 'none', 'none', 'none');

/** What each profile must allow. `readVersions` applies only to collections with versions. */
const PROFILES: Record<string, Partial<Record<Operation, Record<Who, Verdict>>>> = {
  // Pages of the site: the public reads what is published, editors do the rest; handlers and managers only see what
  // the public sees (managers thus read published quarterly reports).
  'public-content': { create: EDITORS, read: row('published', 'published', 'all', 'all', 'published'), update: EDITORS, delete: EDITORS, readVersions: EDITORS },
  // Reference lists without drafts (topics): anyone reads, editors change.
  'public-reference': { create: EDITORS, read: row('all', 'all', 'all', 'all', 'all'), update: EDITORS, delete: EDITORS },
  // Editorial tools not shown as content (redirects).
  'staff-managed': { create: EDITORS, read: EDITORS, update: EDITORS, delete: EDITORS },
  // Appeals: created only by the server; handlers and admins work on them; only admins delete. Managers see only the
  // aggregate report, never an appeal (personal data).
  appeals: { create: NOBODY, read: row('none', 'all', 'none', 'all', 'none'), update: row('none', 'all', 'none', 'all', 'none'), delete: row('none', 'none', 'none', 'all', 'none'), readVersions: NOBODY },
  // Staff accounts: admins manage; everyone else edits only their own account. Handlers also read other handlers'
  // accounts (name, position and roles only) to choose an assignee.
  users: { create: row('none', 'none', 'none', 'all', 'none'), read: row('none', 'own-and-handlers', 'own', 'all', 'own'), update: row('none', 'own', 'own', 'all', 'own'), delete: row('none', 'none', 'none', 'all', 'none') },
  // Written only by the server (builds, audit log): editors and admins read, nobody edits or deletes.
  'server-records': { create: NOBODY, read: EDITORS, update: NOBODY, delete: NOBODY },
  // Internal counters: admins may look, nobody writes through the API.
  internal: { create: NOBODY, read: row('none', 'none', 'none', 'all', 'none'), update: NOBODY, delete: NOBODY },
  // Complaint answer summaries: handlers draft them from their answers but only editors publish (or touch what is
  // published); the public and managers read what is published.
  summaries: {
    create: row('none', 'drafts', 'all', 'all', 'none'),
    read: row('published', 'all', 'all', 'all', 'published'),
    update: row('none', 'drafts', 'all', 'all', 'none'),
    delete: row('none', 'drafts', 'all', 'all', 'none'),
    readVersions: row('none', 'all', 'all', 'all', 'none'),
  },
  // Downloadable files of published documents: anyone reads, editors upload and replace.
  'public-files': { create: EDITORS, read: row('all', 'all', 'all', 'all', 'all'), update: EDITORS, delete: EDITORS },
  // Files attached to appeals: stored only by the server, seen only by handlers and admins, never changed.
  'appeal-files': { create: NOBODY, read: row('none', 'all', 'none', 'all', 'none'), update: NOBODY, delete: row('none', 'none', 'none', 'all', 'none') },
  // Answer templates: handlers use them, editors and admins keep them; never public, and no business of managers.
  'staff-templates': { create: EDITORS, read: row('none', 'all', 'all', 'all', 'none'), update: EDITORS, delete: EDITORS },
  // Anonymous statistics written by the server (search queries): editors read, only admins clear them.
  analytics: { create: NOBODY, read: EDITORS, update: NOBODY, delete: row('none', 'none', 'none', 'all', 'none') },
};
const GLOBAL_PROFILES: Record<string, { read: Record<Who, Verdict>; update: Record<Who, Verdict> }> = {
  settings: { read: row('all', 'all', 'all', 'all', 'all'), update: row('none', 'none', 'none', 'all', 'none') },
  'editorial-settings': { read: row('all', 'all', 'all', 'all', 'all'), update: EDITORS },
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
  if (text.includes('"_status"') && text.includes('not_equals')) {
    // Unpublished documents only — and a write that would publish must be refused outright.
    const publishing = await access({ req: requestFor(who), data: { _status: 'published' } } as never);
    return publishing === false ? 'drafts' : 'all';
  }
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
  it('has a column for every staff role, so a new role cannot go unchecked', () => {
    expect(WHO.filter((who) => who !== 'anonymous').sort()).toEqual([...ROLES].sort());
  });

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
