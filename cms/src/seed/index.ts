import crypto from 'node:crypto';
import path from 'node:path';
import type { Payload } from 'payload';
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical';
import { loadCompany, loadFaq, loadTopics } from '@portal/content';
import { DEFAULT_DEADLINES } from '@portal/core/deadlines';
import { CALENDAR_2026, statutoryCalendarYear } from '@portal/core/production-calendar';
import type { CmsEnv } from '../env';
import { COLLECTIONS, GLOBALS } from '../slugs';
import { DEMO_SERVICES } from './services';
import { DEMO_TERRITORIES, DEMO_TERRITORY_ROUTES } from './territories';
import { seedSiteContent } from './site-content';

const asRows = (dates: readonly string[] | undefined) => (dates ?? []).map((date) => ({ date }));

/**
 * Imports the demo company into an empty portal. Idempotent: only what is missing is created (by slug), and
 * globals are filled only while empty, so editors' changes survive every restart.
 */
export async function seedDemoContent(payload: Payload, env: CmsEnv, root: string): Promise<{ created: number }> {
  const content = { root: path.join(root, 'content') };
  const context = { skipSearchSync: true, seeding: true };
  let created = 0;

  // Territories first: the demo topics' routing rules point at them.
  const territoryIds = new Map<string, number | string>();
  for (const [order, territory] of DEMO_TERRITORIES.entries()) {
    const existing = await payload.find({ collection: COLLECTIONS.territories, where: { slug: { equals: territory.slug } }, limit: 1, depth: 0, overrideAccess: true });
    const found = existing.docs[0];
    if (found) {
      territoryIds.set(territory.slug, found.id);
      continue;
    }
    const doc = await payload.create({ collection: COLLECTIONS.territories, overrideAccess: true, context, data: { ...territory, streets: territory.streets.map((text) => ({ text })), order } as never });
    territoryIds.set(territory.slug, doc.id);
    created++;
  }

  const topicIds = new Map<string, number | string>();
  for (const topic of loadTopics(content)) {
    const existing = await payload.find({ collection: COLLECTIONS.topics, where: { slug: { equals: topic.slug } }, limit: 1, depth: 0, overrideAccess: true });
    const found = existing.docs[0];
    if (found) {
      topicIds.set(topic.slug, found.id);
      continue;
    }
    const territoryRoutes = (DEMO_TERRITORY_ROUTES[topic.slug] ?? [])
      .map((route) => ({ territory: territoryIds.get(route.territory), handlerGroup: route.handlerGroup }))
      .filter((route) => route.territory !== undefined);
    const doc = await payload.create({ collection: COLLECTIONS.topics, overrideAccess: true, context, data: { ...topic, territoryRoutes } as never });
    topicIds.set(topic.slug, doc.id);
    created++;
  }

  for (const [order, service] of DEMO_SERVICES.entries()) {
    const existing = await payload.count({ collection: COLLECTIONS.services, where: { slug: { equals: service.slug } }, overrideAccess: true });
    const topic = topicIds.get(service.topic);
    if (existing.totalDocs > 0 || topic === undefined) continue;
    await payload.create({
      collection: COLLECTIONS.services,
      overrideAccess: true,
      context,
      data: { ...service, topic, active: true, order } as never,
    });
    created++;
  }

  const company = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true })) as { name?: string | null };
  if (!company.name) {
    await payload.updateGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, context, data: loadCompany(content) as never });
    created++;
  }

  const calendar = (await payload.findGlobal({ slug: GLOBALS.productionCalendar, overrideAccess: true })) as { years?: unknown[] | null };
  if (!calendar.years?.length) {
    const years = [CALENDAR_2026, statutoryCalendarYear(2027)].map((year) => ({
      year: year.year,
      confirmed: year.confirmed,
      decree: year.decree ?? (year.confirmed ? '' : 'Постановление о переносах ещё не принято: дни рассчитаны по ст. 112 ТК РФ'),
      holidays: asRows(year.holidays),
      workingWeekends: asRows(year.workingWeekends),
      shortDays: asRows(year.shortDays),
      regionalHolidays: asRows(year.regionalHolidays),
    }));
    await payload.updateGlobal({ slug: GLOBALS.productionCalendar, overrideAccess: true, context, data: { years } as never });
    created++;
  }

  const deadlines = (await payload.findGlobal({ slug: GLOBALS.serviceDeadlines, overrideAccess: true })) as { rules?: unknown[] | null };
  if (!deadlines.rules?.length) {
    await payload.updateGlobal({ slug: GLOBALS.serviceDeadlines, overrideAccess: true, context, data: { rules: DEFAULT_DEADLINES } as never });
    created++;
  }

  // Offices and the rest of the site come before the FAQ: an entry may belong to an office.
  created += await seedSiteContent(payload, root);
  const offices = await payload.find({ collection: COLLECTIONS.offices, pagination: false, depth: 0, draft: true, overrideAccess: true });
  const officeIds = new Map(offices.docs.map((doc) => [(doc as unknown as { slug: string }).slug, doc.id]));

  const editorConfig = await editorConfigFactory.default({ config: payload.config });
  for (const entry of loadFaq(content)) {
    const existing = await payload.count({ collection: COLLECTIONS.faq, where: { slug: { equals: entry.slug } }, overrideAccess: true });
    if (existing.totalDocs > 0) continue;
    const topic = topicIds.get(entry.topic);
    if (topic === undefined) throw new Error(`FAQ ${entry.slug}: unknown topic ${entry.topic}`);
    await payload.create({
      collection: COLLECTIONS.faq,
      overrideAccess: true,
      context,
      data: {
        question: entry.question,
        slug: entry.slug,
        topic,
        audience: entry.audience,
        answer: convertMarkdownToLexical({ editorConfig, markdown: entry.answer }),
        ...(entry.office ? { office: officeIds.get(entry.office) ?? null } : {}),
        _status: 'published',
      } as never,
    });
    created++;
  }
  return { created };
}

/**
 * Creates the first administrator when there are no users. The password comes from ADMIN_PASSWORD; without
 * it one is generated and printed once (`npm start` generates it and prints it itself).
 */
export async function ensureAdmin(payload: Payload, env: CmsEnv): Promise<void> {
  const users = await payload.count({ collection: COLLECTIONS.users, overrideAccess: true });
  if (users.totalDocs > 0) return;
  const password = env.ADMIN_PASSWORD ?? crypto.randomBytes(12).toString('base64url');
  await payload.create({
    collection: COLLECTIONS.users,
    overrideAccess: true,
    data: { email: env.ADMIN_EMAIL, password, name: 'Администратор', roles: ['admin'] } as never,
  });
  if (!env.ADMIN_PASSWORD) {
    // Printed once, on purpose: this is the only way to learn a generated password.
    process.stdout.write(`\nAdministrator created: ${env.ADMIN_EMAIL} / ${password} (change it after the first login)\n\n`);
  }
}
