import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleEndpoints, type Access, type Field, type Payload, type PayloadRequest, type Where } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/slugs';
import { createStaff, startTestCms, type TestCms } from './harness';
import { storeTestAppeal } from './support/appeal-fixture';

/**
 * The access matrix, generated from the live config: every collection and global × every role × every operation.
 * Each collection declares an access profile (`custom.accessProfile`; `publicContent()` sets it), and the expected
 * answers per profile are written out here independently of the code. A collection added without a profile, or
 * whose rules drift from its profile, fails this test.
 */
type Who = 'anonymous' | 'handler' | 'editor' | 'admin' | 'manager' | 'moderator';
type Verdict = 'all' | 'published' | 'own' | 'own-and-handlers' | 'drafts' | 'appeal-entries' | 'content-entries' | 'appeal-and-content-entries' | 'none';
const WHO: Who[] = ['anonymous', 'handler', 'editor', 'admin', 'manager', 'moderator'];
const COLLECTION_OPERATIONS = ['create', 'read', 'update', 'delete', 'readVersions', 'unlock'] as const;
type Operation = (typeof COLLECTION_OPERATIONS)[number];

/**
 * One expectation per role; managers (the appeals report only) must be given everywhere. Moderators (issue 22: the
 * moderation queue and the moderated collections, nothing else) get what anonymous visitors get unless a profile
 * names them: least privilege is the default, and every exception is written out.
 */
const row = (anonymous: Verdict, handler: Verdict, editor: Verdict, admin: Verdict, manager: Verdict, moderator: Verdict = anonymous): Record<Who, Verdict> => ({ anonymous, handler, editor, admin, manager, moderator });
const EDITORS = row('none', 'none', 'all', 'all', 'none');
const NOBODY = row('none', 'none', 'none', 'none', 'none');

/** What each profile must allow. `readVersions` applies only to collections with versions, `unlock` to staff accounts. */
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
  // accounts (name, position and roles only) to choose an assignee. Only admins lift a lock after wrong passwords.
  users: {
    create: row('none', 'none', 'none', 'all', 'none'),
    read: row('none', 'own-and-handlers', 'own', 'all', 'own', 'own'),
    update: row('none', 'own', 'own', 'all', 'own', 'own'),
    delete: row('none', 'none', 'none', 'all', 'none'),
    unlock: row('none', 'none', 'none', 'all', 'none'),
  },
  // Written only by the server (site builds): editors and admins read, nobody edits or deletes.
  'server-records': { create: NOBODY, read: EDITORS, update: NOBODY, delete: NOBODY },
  // The audit log, written only by the server: entries of appeals carry client data (values before and after), so
  // handlers read those and editors those of content and settings; entries of staff accounts (e-mails, roles) only
  // admins, who read all; nobody edits or deletes.
  'audit-log': { create: NOBODY, read: row('none', 'appeal-entries', 'content-entries', 'all', 'none'), update: NOBODY, delete: NOBODY },
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
  // Canned chat replies: operators (handlers, managers at the console) use them; editors, managers and admins keep them.
  'chat-templates': { create: row('none', 'none', 'all', 'all', 'all'), read: row('none', 'all', 'all', 'all', 'all'), update: row('none', 'none', 'all', 'all', 'all'), delete: row('none', 'none', 'all', 'all', 'all') },
  // Anonymous statistics written by the server (search queries): editors read, only admins clear them.
  analytics: { create: NOBODY, read: EDITORS, update: NOBODY, delete: row('none', 'none', 'none', 'all', 'none') },
  // Chat conversations and their messages: written only by the server (the chat service); handlers, managers and
  // administrators read them; editors and the public nothing.
  chat: { create: NOBODY, read: row('none', 'all', 'none', 'all', 'all'), update: NOBODY, delete: NOBODY, readVersions: NOBODY },
  // Alert subscribers (e-mail addresses, personal data): written only by the server's subscription flow; managers and
  // admins read them (editors see counts only, through their own endpoint); only admins delete (a request to erase).
  subscribers: { create: NOBODY, read: row('none', 'none', 'none', 'all', 'all'), update: NOBODY, delete: row('none', 'none', 'none', 'all', 'none') },
  // Campaigns, their scenarios and lists (autoinforming): editors compose, managers approve (state moves only through
  // the transition endpoint, core/src/alert-campaign.ts), admins do both and alone delete; handlers have no part.
  'campaign-staff': { create: row('none', 'none', 'all', 'all', 'all'), read: row('none', 'none', 'all', 'all', 'all'), update: row('none', 'none', 'all', 'all', 'all'), delete: row('none', 'none', 'none', 'all', 'none') },
  // Per-recipient results of campaigns (addresses): written only by the server; managers and admins read them.
  'campaign-results': { create: NOBODY, read: row('none', 'none', 'none', 'all', 'all'), update: NOBODY, delete: NOBODY },
  // What the public writes (reviews, forum posts; issue 22): created only by the server's public path (the author's
  // e-mail is personal data), read and answered by moderators and admins; the public sees approved posts only on the
  // static site. Only admins delete (a request to erase).
  moderated: {
    create: NOBODY,
    read: row('none', 'none', 'none', 'all', 'none', 'all'),
    update: row('none', 'none', 'none', 'all', 'none', 'all'),
    delete: row('none', 'none', 'none', 'all', 'none', 'none'),
  },
  // Forum threads (issue 22): opened only through the public path; moderators and admins read everything and close,
  // pin or move; handlers (who answer) and editors (who make FAQ drafts) read what the public sees — approved threads,
  // probed as «published» — and managers nothing. Only admins delete.
  'forum-threads': {
    create: NOBODY,
    read: row('none', 'published', 'published', 'all', 'none', 'all'),
    update: row('none', 'none', 'none', 'all', 'none', 'all'),
    delete: row('none', 'none', 'none', 'all', 'none', 'none'),
  },
  // Forum posts: visitors' replies come through the public path; staff who answer for the company (handlers,
  // moderators, admins) create posts in the admin, which the server marks as staff answers. Reading as for threads.
  'forum-posts': {
    create: row('none', 'all', 'none', 'all', 'none', 'all'),
    read: row('none', 'published', 'published', 'all', 'none', 'all'),
    update: row('none', 'none', 'none', 'all', 'none', 'all'),
    delete: row('none', 'none', 'none', 'all', 'none', 'none'),
  },
};
const GLOBAL_PROFILES: Record<string, { read: Record<Who, Verdict>; update: Record<Who, Verdict> }> = {
  settings: { read: row('all', 'all', 'all', 'all', 'all'), update: row('none', 'none', 'none', 'all', 'none') },
  'editorial-settings': { read: row('all', 'all', 'all', 'all', 'all'), update: EDITORS },
  // Editors' working settings that the public never sees (search synonyms).
  'editorial-private': { read: EDITORS, update: EDITORS },
};

/**
 * What an anonymous reader of the CMS API may see of each global it can read: the fields the site shows, written out
 * here (plus Payload's own id, globalType and dates). Internal settings — the handlers' address, the consent version,
 * the topic of e-mailed appeals, review dates — are staff-only. A new field on a public global fails this list until
 * it is either listed here (it is public) or given staff-only read access.
 */
const PAYLOAD_META = ['id', 'globalType', 'createdAt', 'updatedAt'];
const ANONYMOUS_GLOBAL_FIELDS: Record<string, string[]> = {
  'company-settings': ['name', 'shortName', 'region', 'timeZone', 'hotline', 'hotlineIndividuals', 'hotlineOrganisations', 'personalAccountUrl', 'email', 'address', 'privacyPolicyUrl', 'readingsFromDay', 'readingsToDay', 'attachmentMaxMb', 'attachmentMaxFiles'],
  // The calendar is printed on the site; the service deadlines are what every confirmation tells the client.
  'production-calendar': ['years'],
  'service-deadlines': ['policy', 'extensionCalendarDays', 'extensionsAllowed', 'rules'],
};
/** Every field of the company settings that anonymous readers must never get, filled with a value for the probe. */
const COMPANY_INTERNAL_VALUES = { handlersEmail: 'handlers@matrix.example.ru', consentVersion: '2026-11-01', emailAppealTopic: 'prochee', reviewBy: '2026-12-31T00:00:00.000Z' };

/**
 * Users holding several roles: roles add up, so each combination must get, per operation, the union of what its
 * roles get alone (e.g. a handler who is also an editor reads drafts of pages and the handlers' accounts).
 */
const COMBINATIONS: Role[][] = [
  ['handler', 'editor'],
  ['handler', 'manager'],
  ['editor', 'manager'],
  ['handler', 'admin'],
  ['handler', 'editor', 'manager'],
  ['editor', 'moderator'],
];
const comboName = (roles: readonly Role[]) => roles.join('+');

/**
 * Verdicts as sets of documents: the union of two roles' verdicts is what a user holding both reads or changes.
 * Written out (not derived from the code): published ∪ drafts is everything, own ⊂ own-and-handlers.
 */
function union(a: Verdict, b: Verdict): Verdict {
  if (a === b || b === 'none') return a;
  if (a === 'none') return b;
  if (a === 'all' || b === 'all') return 'all';
  const pair = [a, b].sort().join(' ∪ ');
  if (pair === 'drafts ∪ published') return 'all';
  if (pair === 'own ∪ own-and-handlers') return 'own-and-handlers';
  if (pair === 'appeal-entries ∪ content-entries') return 'appeal-and-content-entries';
  throw new Error(`No union written for ${pair}`);
}

let cms: TestCms;
let payload: Payload;

/** The staff account each role and each combination acts as; the users collection is also probed with them. */
const staff = new Map<string, { id: number | string; roles: Role[] }>();
/** Two audit entries: one of an appeal, one of a page. */
let auditProbes: { appeal: string; content: string; account: string };
/** Per versioned collection: one published and one draft document, stored straight into the database. */
const versionProbes = new Map<string, { published: string; draft: string }>();

function requestFor(who: string): PayloadRequest {
  const account = staff.get(who);
  const user = who === 'anonymous' || !account ? null : { id: account.id, email: `${who}@matrix.example.ru`, roles: account.roles, collection: 'users' };
  return { user, payload, context: {}, headers: new Headers(), locale: undefined } as unknown as PayloadRequest;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((id) => b.has(id));

/** Runs an access result as the database query Payload would add to the user's own, over the probe documents. */
async function matchedProbes(slug: string, where: Where, probeIds: readonly string[]): Promise<Set<string>> {
  const found = await payload.db.find({ collection: slug, where: { and: [where, { id: { in: probeIds } }] }, limit: 0, pagination: false } as never);
  return new Set((found as { docs: { id: number | string }[] }).docs.map((doc) => String(doc.id)));
}

/**
 * What a user acting as `who` may read or change: a boolean answers directly; a query is run against seeded
 * documents and named by what it matched. A query matching anything else (e.g. everyone but oneself, or drafts
 * inside a wider `or`) gets a verdict no profile expects, so it fails.
 */
async function verdict(slug: string | null, access: Access | undefined, who: string): Promise<string> {
  if (!access) return who === 'anonymous' ? 'none' : 'all'; // Payload's default: any logged-in user.
  const result = await access({ req: requestFor(who) } as never);
  if (result === true) return 'all';
  if (result === false) return 'none';
  const query = JSON.stringify(result);
  if (slug === 'users') {
    const everyone = [...staff.values()];
    const matched = await matchedProbes(slug, result, everyone.map((account) => String(account.id)));
    const self = String(staff.get(who)?.id);
    const handlers = everyone.filter((account) => account.roles.includes('handler')).map((account) => String(account.id));
    if (matched.size === 0) return 'none';
    if (matched.size === everyone.length) return 'all';
    if (sameSet(matched, new Set([self]))) return 'own';
    if (sameSet(matched, new Set([self, ...handlers]))) return 'own-and-handlers';
    return `a query matching ${matched.size} of ${everyone.length} accounts: ${query}`;
  }
  if (slug === 'audit-log') {
    const matched = await matchedProbes(slug, result, [auditProbes.appeal, auditProbes.content, auditProbes.account]);
    const label = [matched.has(auditProbes.appeal) && 'appeal', matched.has(auditProbes.content) && 'content', matched.has(auditProbes.account) && 'account'].filter(Boolean).join('+');
    const verdicts: Record<string, Verdict> = { '': 'none', appeal: 'appeal-entries', content: 'content-entries', 'appeal+content': 'appeal-and-content-entries', 'appeal+content+account': 'all' };
    return verdicts[label] ?? `audit entries of ${label}: ${query}`;
  }
  const probes = slug ? versionProbes.get(slug) : undefined;
  if (!slug || !probes) return `a query where no documents are probed: ${query}`;
  const matched = await matchedProbes(slug, result, [probes.published, probes.draft]);
  const published = matched.has(probes.published);
  const draft = matched.has(probes.draft);
  if (published && draft) return 'all';
  if (published) return 'published';
  if (!draft) return 'none';
  // Unpublished documents only — and a write that would publish must be refused outright.
  const publishing = await access({ req: requestFor(who), data: { _status: 'published' } } as never);
  return publishing === false ? 'drafts' : 'drafts, yet may publish';
}

/** Every role alone, then every combination, with the verdict the profile gives it. */
function expectations(expected: Record<Who, Verdict>): [string, Verdict][] {
  const single = WHO.map((who): [string, Verdict] => [who, expected[who]]);
  const combined = COMBINATIONS.map((roles): [string, Verdict] => [comboName(roles), roles.map((role) => expected[role]).reduce(union)]);
  return [...single, ...combined];
}

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
  for (const role of ROLES) {
    const user = (await createStaff(payload, `${role}@matrix.example.ru`, [role])) as { id: number | string };
    staff.set(role, { id: user.id, roles: [role] });
  }
  // A second handler: «own and handlers» must show a colleague, «own» must not.
  const colleague = (await createStaff(payload, 'colleague@matrix.example.ru', ['handler'])) as { id: number | string };
  staff.set('colleague', { id: colleague.id, roles: ['handler'] });
  for (const roles of COMBINATIONS) {
    const user = (await createStaff(payload, `${comboName(roles)}@matrix.example.ru`, roles)) as { id: number | string };
    staff.set(comboName(roles), { id: user.id, roles });
  }
  // Straight into the database (no validation, no hooks): only `_status` matters to the access queries, and
  // collections with drafts keep their required columns nullable.
  for (const collection of payload.config.collections.filter((c) => !c.slug.startsWith('payload-') && c.versions?.drafts)) {
    const published = await payload.db.create({ collection: collection.slug, data: { _status: 'published' } } as never);
    const draft = await payload.db.create({ collection: collection.slug, data: { _status: 'draft' } } as never);
    versionProbes.set(collection.slug, { published: String((published as { id: unknown }).id), draft: String((draft as { id: unknown }).id) });
  }
  // The forum's collections have no drafts: an approved post stands for «published», one waiting for «draft».
  const topic = await payload.db.create({ collection: 'topics', data: { title: 'Проба', slug: 'proba-forum', order: 0 } } as never);
  const forumProbe = async (collection: string, state: string, extra: Record<string, unknown>) =>
    String(((await payload.db.create({ collection, data: { text: 'проба', authorName: 'Проба', authorEmail: 'probe@matrix.example.ru', moderationState: state, official: false, ...extra } } as never)) as { id: unknown }).id);
  const threadData = { section: (topic as { id: unknown }).id, title: 'Проба', state: 'open', pinned: false, authorNotices: true };
  const approvedThread = await forumProbe('forum-threads', 'approved', threadData);
  versionProbes.set('forum-threads', { published: approvedThread, draft: await forumProbe('forum-threads', 'pending', threadData) });
  versionProbes.set('forum-posts', { published: await forumProbe('forum-posts', 'approved', { thread: Number(approvedThread) }), draft: await forumProbe('forum-posts', 'pending', { thread: Number(approvedThread) }) });
  const auditEntry = async (target: string) =>
    String(((await payload.db.create({ collection: 'audit-log', data: { at: new Date().toISOString(), action: 'update', target, userEmail: 'probe' } } as never)) as { id: unknown }).id);
  auditProbes = { appeal: await auditEntry('appeals'), content: await auditEntry('pages'), account: await auditEntry('users') };
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
      const operations = COLLECTION_OPERATIONS.filter((operation) => (operation !== 'readVersions' || collection.versions) && (operation !== 'unlock' || collection.auth));
      for (const operation of operations) {
        for (const [who, expected] of expectations(profile[operation] ?? NOBODY)) {
          const actual = await verdict(collection.slug, collection.access[operation] as Access | undefined, who);
          checked++;
          if (actual !== expected) problems.push(`${collection.slug}.${operation} for ${who}: ${actual}, expected ${expected}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('globals (settings) allow exactly what their profile says', async () => {
    const problems: string[] = [];
    for (const global of payload.config.globals.filter((g) => !g.slug.startsWith('payload-'))) {
      const profile = GLOBAL_PROFILES[String(global.custom?.accessProfile)];
      if (!profile) continue;
      for (const operation of ['read', 'update'] as const) {
        for (const [who, expected] of expectations(profile[operation])) {
          const actual = await verdict(null, global.access[operation] as Access | undefined, who);
          if (actual !== expected) problems.push(`${global.slug}.${operation} for ${who}: ${actual}, expected ${expected}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('no role filters or sorts by a field it is not shown (field-level read access, not hiding after reading)', async () => {
    // What a role reads of each seeded document, compared with the whole document: every field it is not shown must
    // also be refused in `where` and `sort`, or it can be read out character by character (`where[email][like]=a…`).
    const problems: string[] = [];
    let checked = 0;
    for (const collection of payload.config.collections) {
      const whole = (await payload.find({ collection: collection.slug, overrideAccess: true, depth: 0, limit: 50, pagination: false } as never)).docs as unknown as Record<string, unknown>[];
      if (whole.length === 0) continue;
      for (const who of [...staff.keys()].filter((name) => name !== 'colleague')) {
        const user = requestFor(who).user;
        const ids = whole.map((doc) => doc.id);
        const seen = await payload
          .find({ collection: collection.slug, user, overrideAccess: false, depth: 0, limit: 50, where: { id: { in: ids } } } as never)
          .then((result) => result.docs as unknown as Record<string, unknown>[], () => []);
        const hidden = new Set<string>();
        for (const doc of seen) {
          const full = whole.find((candidate) => candidate.id === doc.id) ?? {};
          // Fields only: Payload adds keys that are none (`collection` on accounts) and cannot be queried anyway.
          for (const field of Object.keys(full)) if (!(field in doc) && collection.flattenedFields.some((f) => f.name === field)) hidden.add(field);
        }
        for (const field of hidden) {
          for (const query of [{ where: { [field]: { like: 'a' } } }, { sort: field }, { sort: `-${field}` }]) {
            checked++;
            const refused = await payload.find({ collection: collection.slug, user, overrideAccess: false, depth: 0, limit: 1, ...query } as never).then(() => false, () => true);
            if (!refused) problems.push(`${collection.slug}.${field} is hidden from ${who}, yet ${JSON.stringify(query)} is answered`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0); // at least the staff accounts' e-mails, hidden from colleagues
  });

  it('document locks only for those who may change the document (nobody freezes a colleague\'s edits on what they cannot edit)', async () => {
    const locks = payload.config.collections.find((collection) => collection.slug === 'payload-locked-documents');
    expect(locks, 'Payload\'s locks collection').toBeTruthy();
    const page = versionProbes.get('pages');
    if (!page) throw new Error('no probe page');
    const problems: string[] = [];
    const appeal = await storeTestAppeal(payload);
    // Appeals: handlers and admins work on them (editors and managers froze handlers' edits with such locks); pages:
    // editors and admins change them; a handler's account: the handler and admins.
    const targets: { name: string; document: { relationTo: string; value: string | number }; expected: Record<Who, 'all' | 'none'> }[] = [
      { name: 'an appeal', document: { relationTo: 'appeals', value: appeal.id as number }, expected: { anonymous: 'none', handler: 'all', editor: 'none', admin: 'all', manager: 'none', moderator: 'none' } },
      { name: 'a page', document: { relationTo: 'pages', value: Number(page.draft) }, expected: { anonymous: 'none', handler: 'none', editor: 'all', admin: 'all', manager: 'none', moderator: 'none' } },
      { name: 'the handler\'s account', document: { relationTo: 'users', value: staff.get('handler')?.id as number }, expected: { anonymous: 'none', handler: 'all', editor: 'none', admin: 'all', manager: 'none', moderator: 'none' } },
    ];
    for (const target of targets) {
      for (const who of WHO) {
        const user = requestFor(who).user;
        const data = { document: target.document, user: { relationTo: 'users', value: user?.id ?? 0 } };
        const created = await payload.create({ collection: 'payload-locked-documents', user, overrideAccess: false, data } as never).then(
          (doc) => doc as unknown as { id: number },
          () => null,
        );
        if ((created ? 'all' : 'none') !== target.expected[who]) problems.push(`lock on ${target.name} by ${who}: ${created ? 'created' : 'refused'}`);
        if (created) await payload.delete({ collection: 'payload-locked-documents', id: created.id, overrideAccess: true });
      }
    }
    // Nor may anyone release or take over someone else's lock on what they cannot change.
    const adminLock = (await payload.create({ collection: 'payload-locked-documents', overrideAccess: true, data: { document: targets[1]?.document, user: { relationTo: 'users', value: staff.get('admin')?.id } } } as never)) as unknown as { id: number };
    for (const who of ['handler', 'manager'] as const) {
      const user = requestFor(who).user;
      const updated = await payload.update({ collection: 'payload-locked-documents', id: adminLock.id, user, overrideAccess: false, data: { user: { relationTo: 'users', value: user?.id } } } as never).then(() => true, () => false);
      const deleted = await payload.delete({ collection: 'payload-locked-documents', id: adminLock.id, user, overrideAccess: false } as never).then(() => true, () => false);
      if (updated || deleted) problems.push(`${who} took over or released the admin's lock on a page`);
    }
    // And a lock is always in one's own name.
    const inAnotherName = await payload.create({ collection: 'payload-locked-documents', user: requestFor('editor').user, overrideAccess: false, data: { document: targets[1]?.document, user: { relationTo: 'users', value: staff.get('handler')?.id } } } as never).then(() => true, () => false);
    if (inAnotherName) problems.push('an editor locked a page in a handler\'s name');
    expect(problems).toEqual([]);
  });

  it('anonymous readers get only the public fields of each global, staff get the internal ones too', async () => {
    // The e-mail topic must name an existing topic.
    await payload.db.create({ collection: 'topics', data: { slug: 'prochee', title: 'Прочее' } } as never);
    await payload.updateGlobal({
      slug: 'company-settings',
      overrideAccess: true,
      data: { name: 'АО «Энергосбыт»', shortName: 'Энергосбыт', region: 'Область', hotline: '8 800 000-00-00', email: 'info@matrix.example.ru', ...COMPANY_INTERNAL_VALUES } as never,
    });
    const problems: string[] = [];
    for (const global of payload.config.globals.filter((g) => !g.slug.startsWith('payload-'))) {
      if ((await verdict(null, global.access.read as Access | undefined, 'anonymous')) === 'none') {
        if (ANONYMOUS_GLOBAL_FIELDS[global.slug]) problems.push(`${global.slug}: listed as public, yet anonymous readers get nothing`);
        continue;
      }
      const allowed = ANONYMOUS_GLOBAL_FIELDS[global.slug];
      if (!allowed) {
        problems.push(`${global.slug}: anonymous readers may read it, but its public fields are not listed`);
        continue;
      }
      const seen = await payload.findGlobal({ slug: global.slug, overrideAccess: false, user: null, depth: 0 } as never);
      const extra = Object.keys(seen as object).filter((key) => !allowed.includes(key) && !PAYLOAD_META.includes(key));
      if (extra.length > 0) problems.push(`${global.slug}: anonymous readers also get ${extra.sort().join(', ')}`);
    }
    expect(problems).toEqual([]);
    // The probe values really are there for staff (so the anonymous answer above was not empty by accident).
    const staffView = (await payload.findGlobal({ slug: 'company-settings', overrideAccess: false, user: requestFor('handler').user, depth: 0 } as never)) as unknown as Record<string, unknown>;
    expect(staffView).toMatchObject({ handlersEmail: COMPANY_INTERNAL_VALUES.handlersEmail, consentVersion: COMPANY_INTERNAL_VALUES.consentVersion, emailAppealTopic: 'prochee' });
    expect(staffView.reviewBy).toBeTruthy();
  });

  it('every public collection has drafts, versions and scheduled publishing', () => {
    const withoutDrafts = payload.config.collections
      .filter((collection) => collection.custom?.accessProfile === 'public-content')
      .filter((collection) => !collection.versions?.drafts || !collection.versions.drafts.schedulePublish)
      .map((collection) => collection.slug);
    expect(withoutDrafts).toEqual([]);
  });
});

/*
 * Appeals are records: every field of an appeal × every role × an update through Payload's REST handling (the same
 * `handleEndpoints` the CMS's `/api/[...slug]` route runs), asserting what is stored afterwards. The field paths come
 * from the live config; each must be listed below by hand as written only by the server or editable by handlers, so
 * a new field cannot go unchecked.
 */
type FieldRule = 'server-only' | 'handler-editable' | 'timestamp';
const APPEAL_FIELD_RULES: Record<string, FieldRule> = {
  // What the client submitted, and what registration derived from it.
  registrationNumber: 'server-only',
  type: 'server-only',
  receivedAt: 'server-only',
  receivedOutsideWorkingHours: 'server-only',
  workStartsAt: 'server-only',
  originalsDeadlineDate: 'server-only',
  topicAsSent: 'server-only',
  territory: 'server-only',
  name: 'server-only',
  email: 'server-only',
  phone: 'server-only',
  answerChannel: 'server-only',
  postalAddress: 'server-only',
  accountNumber: 'server-only',
  audience: 'server-only',
  text: 'server-only',
  details: 'server-only',
  meterSerial: 'server-only',
  attachments: 'server-only',
  'consent.version': 'server-only',
  'consent.acceptedAt': 'server-only',
  'consent.ip': 'server-only',
  'consent.method': 'server-only',
  idempotencyKey: 'server-only',
  statusTokenHash: 'server-only',
  // The state machine's (POST /api/appeals/:id/transition) and the robot's.
  status: 'server-only',
  deadlineDate: 'server-only',
  channel: 'server-only',
  registrationDeadlineDate: 'server-only',
  extensionReason: 'server-only',
  answer: 'server-only',
  answeredAt: 'server-only',
  history: 'server-only',
  'answerDelivery.state': 'server-only',
  'answerDelivery.channel': 'server-only',
  'answerDelivery.attempts': 'server-only',
  'answerDelivery.lastError': 'server-only',
  'answerDelivery.sentAt': 'server-only',
  'answerDelivery.messageId': 'server-only',
  'answerDelivery.jobId': 'server-only',
  'reminders.dayBeforeFor': 'server-only',
  'reminders.dueDayFor': 'server-only',
  'survey.state': 'server-only',
  'survey.sentAt': 'server-only',
  'survey.rating': 'server-only',
  'survey.comment': 'server-only',
  'survey.ratedAt': 'server-only',
  'survey.tokenHash': 'server-only',
  'confirmation.state': 'server-only',
  'confirmation.jobId': 'server-only',
  'confirmation.attempts': 'server-only',
  'confirmation.lastError': 'server-only',
  'confirmation.sentAt': 'server-only',
  'confirmation.messageId': 'server-only',
  'confirmation.nextAttemptAt': 'server-only',
  'confirmation.claimedUntil': 'server-only',
  'handlerNotice.state': 'server-only',
  'handlerNotice.attempts': 'server-only',
  'handlerNotice.lastError': 'server-only',
  'handlerNotice.sentAt': 'server-only',
  'handlerNotice.nextAttemptAt': 'server-only',
  'handlerNotice.claimedUntil': 'server-only',
  createdAt: 'server-only',
  // Payload sets it on every save: nobody may set it to a value of their choosing.
  updatedAt: 'timestamp',
  // The handlers' work.
  handlerGroup: 'handler-editable',
  assignee: 'handler-editable',
  topic: 'handler-editable',
  internalNotes: 'handler-editable',
  classifiedAs: 'handler-editable',
};
/** Who may change a handler-editable field, written out per role. */
const EDITS_WORKING_FIELDS: Record<string, boolean> = { anonymous: false, handler: true, editor: false, manager: false, admin: true, 'handler+editor': true };

interface LeafField {
  path: string;
  field: Field & { name: string };
}

/** Every stored leaf of the config's fields: groups give `group.field`, unnamed containers pass through. */
function leafFields(fields: readonly Field[], prefix = ''): LeafField[] {
  return fields.flatMap((field): LeafField[] => {
    // A join lists other collections' rows; nothing of it is stored on the appeal.
    if (field.type === 'ui' || field.type === 'join') return [];
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => leafFields(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix));
    if (!('name' in field) || !field.name) return 'fields' in field ? leafFields(field.fields, prefix) : [];
    if (field.type === 'group') return leafFields(field.fields, `${prefix}${field.name}.`);
    return [{ path: `${prefix}${field.name}`, field: field as Field & { name: string } }];
  });
}

const valueAt = (doc: Record<string, unknown>, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc);
const nested = (path: string, value: unknown): Record<string, unknown> => path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);
const plain = (value: unknown): string => JSON.stringify(Array.isArray(value) ? value.map(idOf) : (idOf(value) ?? null));

describe('appeal fields × role × REST update (stored value read back)', () => {
  let appealId: number | string;
  const tokens = new Map<string, string>();
  const refs = { topics: [] as (number | string)[], attachment: '' as number | string, assignees: [] as (number | string)[] };

  const stored = async () => (await payload.findByID({ collection: 'appeals', id: appealId, depth: 0, overrideAccess: true, showHiddenFields: true })) as unknown as Record<string, unknown>;

  let attempt = 0;
  /** A value of the field's type that differs from the stored one (and from every earlier attempt's). */
  function forged(leaf: LeafField, current: unknown): unknown {
    const { field } = leaf;
    attempt += 1;
    switch (field.type) {
      case 'email':
        return `forger-${attempt}@evil.example`;
      case 'text':
      case 'textarea':
        // The group takes only the topics' groups (appeals/handling/handler-group.ts): another one of those.
        if (leaf.path === 'handlerGroup') return ['Группа electricity', 'Группа billing'].find((group) => group !== current);
        return `Подделка ${attempt} ${leaf.path}`;
      case 'number':
        return current === 4 ? 3 : 4;
      case 'checkbox':
        return !current;
      case 'date':
        return new Date(Date.UTC(2001, 1, 3) + attempt * 60_000).toISOString();
      case 'json':
        return { forged: leaf.path, attempt };
      case 'select': {
        const values = field.options.map((option) => (typeof option === 'string' ? option : option.value));
        return values.find((value) => value !== current);
      }
      case 'relationship':
      case 'upload': {
        if (field.relationTo === 'topics') return refs.topics.find((id) => String(id) !== String(current));
        if (field.relationTo === 'users') return refs.assignees.find((id) => String(id) !== String(current));
        if (field.relationTo === 'appeal-attachments') return [refs.attachment];
        throw new Error(`no forged value for ${leaf.path}`);
      }
      default:
        throw new Error(`no forged value for ${leaf.path} (${field.type})`);
    }
  }

  async function patchThroughRest(who: string, body: Record<string, unknown>, url = `http://cms.test/api/appeals/${appealId}`, method = 'PATCH') {
    const token = tokens.get(who);
    const request = new Request(url, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey: cms.dir });
  }

  beforeAll(async () => {
    for (const who of ['handler', 'editor', 'manager', 'admin', 'handler+editor']) {
      const { token } = await payload.login({ collection: 'users', data: { email: `${who}@matrix.example.ru`, password: 'staff-password-1234' } } as never);
      tokens.set(who, String(token));
    }
    for (const slug of ['electricity', 'billing']) {
      const topic = await payload.create({ collection: 'topics', overrideAccess: true, data: { title: `Тема ${slug}`, slug, handlerGroup: `Группа ${slug}` } as never });
      refs.topics.push(topic.id);
    }
    refs.attachment = ((await payload.db.create({ collection: 'appeal-attachments', data: { filename: 'scan.pdf', mimeType: 'application/pdf', filesize: 10 } } as never)) as { id: number | string }).id;
    refs.assignees = [staff.get('colleague')!.id, staff.get('handler')!.id];
    const appeal = await payload.create({
      collection: 'appeals',
      overrideAccess: true,
      depth: 0,
      data: {
        registrationNumber: 'В-2026-000777',
        type: 'question',
        status: 'registered',
        receivedAt: '2026-11-20T09:00:00.000Z',
        deadlineDate: '2026-12-04',
        name: 'Ольга Сергеевна',
        email: 'olga@example.ru',
        answerChannel: 'email',
        text: 'Когда можно передать показания?',
        topic: refs.topics[0],
        topicAsSent: refs.topics[0],
        consent: { version: '2026-01', acceptedAt: '2026-11-20T09:00:00.000Z', ip: '192.0.2.10' },
        confirmation: { state: 'sent', attempts: 1 },
        statusTokenHash: 'stored-hash',
      } as never,
    });
    appealId = appeal.id;
  }, 60_000);

  it('every field of an appeal is listed as server-only or handler-editable', () => {
    const paths = leafFields(payload.collections.appeals.config.fields).map((leaf) => leaf.path).sort();
    expect(paths).toEqual(Object.keys(APPEAL_FIELD_RULES).sort());
  });

  it('no role changes a server-only field through REST; handlers and admins change only their working fields', async () => {
    const leaves = leafFields(payload.collections.appeals.config.fields);
    const problems: string[] = [];
    let checked = 0;
    for (const who of Object.keys(EDITS_WORKING_FIELDS)) {
      for (const leaf of leaves) {
        const rule = APPEAL_FIELD_RULES[leaf.path];
        const before = valueAt(await stored(), leaf.path);
        const value = forged(leaf, idOf(before));
        const response = await patchThroughRest(who, nested(leaf.path, value));
        const after = valueAt(await stored(), leaf.path);
        checked++;
        const outcome = `${leaf.path} by ${who} (HTTP ${response.status}): ${plain(before)} → ${plain(after)}`;
        if (rule === 'timestamp') {
          if (plain(after) === plain(value)) problems.push(`${outcome}, set to the forged value`);
        } else if (rule === 'handler-editable' && EDITS_WORKING_FIELDS[who]) {
          if (plain(after) !== plain(value)) problems.push(`${outcome}, expected ${plain(value)}`);
        } else if (plain(after) !== plain(before)) {
          problems.push(`${outcome}, expected unchanged`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(leaves.length * Object.keys(EDITS_WORKING_FIELDS).length);
  }, 180_000);

  it('a bulk update (PATCH /api/appeals?where=…) by an admin changes no server-only field either', async () => {
    const before = await stored();
    const body: Record<string, unknown> = {};
    for (const leaf of leafFields(payload.collections.appeals.config.fields)) {
      if (APPEAL_FIELD_RULES[leaf.path] !== 'server-only') continue;
      const value = forged(leaf, idOf(valueAt(before, leaf.path)));
      const [head, ...rest] = leaf.path.split('.');
      if (rest.length === 0) body[head!] = value;
      else body[head!] = { ...(body[head!] as object), ...nested(rest.join('.'), value) };
    }
    await patchThroughRest('admin', body, `http://cms.test/api/appeals?where[id][equals]=${appealId}`);
    const after = await stored();
    const changed = Object.keys(APPEAL_FIELD_RULES).filter((path) => APPEAL_FIELD_RULES[path] === 'server-only' && plain(valueAt(after, path)) !== plain(valueAt(before, path)));
    expect(changed).toEqual([]);
  });

  it('GraphQL is off: a mutation through /api/graphql is refused and changes nothing', async () => {
    // Off in the config, and no GraphQL route in the admin app (only the REST catch-all under /api).
    expect(payload.config.graphQL.disable).toBe(true);
    expect(fs.readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'app', '(payload)', 'api'))).toEqual(['[...slug]']);
    const before = (await stored()).email;
    const response = await patchThroughRest('admin', { query: `mutation { updateAppeal(id: ${appealId}, data: { email: "forger@evil.example" }) { id } }` }, 'http://cms.test/api/graphql', 'POST');
    expect(response.status).toBe(404);
    expect((await stored()).email).toBe(before);
  });
});
