import path from 'node:path';
import type { Payload } from 'payload';
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical';
import {
  demoQuestionnairePeriod,
  loadCompany,
  loadComplaintSummaries,
  loadDocuments,
  loadLinks,
  loadNews,
  loadOffices,
  loadPages,
  loadQuestionnaires,
  loadTariffPeriods,
  loadUnregulatedPrices,
  type OfficeSeed,
  type PageSeed,
} from '@portal/content';
import { toLocalDateTime } from '@portal/core/local-time';
import type { DayHours } from '@portal/core/office-hours';
import { COLLECTIONS } from '../slugs';

type Id = number | string;
type CollectionSlug = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
const context = { seeding: true, skipSearchSync: true };
const rows = (items: readonly string[]) => items.map((text) => ({ text }));
const hours = (day: Partial<DayHours> | undefined) => ({ open: day?.open ?? null, close: day?.close ?? null, breakStart: day?.breakStart ?? null, breakEnd: day?.breakEnd ?? null });

/** The CMS form of an office from `offices.yaml`. */
export function officeData(office: OfficeSeed, order: number, topicIds: ReadonlyMap<string, Id> = new Map()): Record<string, unknown> {
  const bookingTopics = (office.booking?.topics ?? []).flatMap((row) => {
    const topic = topicIds.get(row.topic);
    return topic === undefined ? [] : [{ topic, slotMinutes: row.slotMinutes, desks: row.desks, documents: row.documents }];
  });
  return {
    name: office.name,
    slug: office.slug,
    kind: office.kind,
    category: office.category ?? null,
    order,
    settlement: office.settlement,
    address: office.address,
    latitude: office.latitude,
    longitude: office.longitude,
    transport: rows(office.transport),
    phones: rows(office.phones),
    email: office.email || null,
    headName: office.headName || null,
    headPhone: office.headPhone || null,
    weekly: office.schedule.weekly.map((day) => ({ weekday: String(day.weekday), ...hours(day) })),
    followsProductionCalendar: office.schedule.followsProductionCalendar,
    exceptions: office.schedule.exceptions.map((item) => ({ date: item.date, closed: !item.hours, ...hours(item.hours), note: item.note })),
    services: rows(office.services),
    payment: rows(office.payment),
    accessibility: rows(office.accessibility),
    equipment: office.equipment,
    note: office.note,
    booking: { enabled: bookingTopics.length > 0, horizonDays: office.booking?.horizonDays ?? 14, topics: bookingTopics, closedDates: [] },
    _status: 'published',
  };
}

/**
 * Imports the demo site content (pages, tariffs, prices, offices, news, complaint summaries, documents,
 * links, questionnaires) into the CMS. Idempotent: a document whose key (slug, path, month…) exists is left as editors made it.
 */
export async function seedSiteContent(payload: Payload, root: string): Promise<number> {
  const content = { root: path.join(root, 'content') };
  const editorConfig = await editorConfigFactory.default({ config: payload.config });
  const richText = (markdown: string) => convertMarkdownToLexical({ editorConfig, markdown });
  let created = 0;

  const exists = async (collection: CollectionSlug, where: Record<string, unknown>): Promise<Id | undefined> => {
    const found = await payload.find({ collection, where: where as never, limit: 1, depth: 0, draft: true, overrideAccess: true, pagination: false });
    return found.docs[0]?.id as Id | undefined;
  };
  const create = async (collection: CollectionSlug, data: Record<string, unknown>): Promise<Id> => {
    const doc = await payload.create({ collection, overrideAccess: true, context, data: data as never });
    created++;
    return doc.id as Id;
  };

  const seedPages = async (pages: readonly PageSeed[], parent: Id | null) => {
    for (const [order, page] of pages.entries()) {
      let id = await exists(COLLECTIONS.pages, { and: [{ slug: { equals: page.slug } }, parent === null ? { parent: { exists: false } } : { parent: { equals: parent } }] });
      id ??= await create(COLLECTIONS.pages, {
        title: page.title,
        slug: page.slug,
        parent,
        audience: page.audience,
        summary: page.summary,
        content: richText(page.body),
        order,
        _status: 'published',
      });
      await seedPages(page.children, id);
    }
  };
  await seedPages(loadPages(content), null);

  for (const period of loadTariffPeriods(content)) {
    if (await exists(COLLECTIONS.tariffPeriods, { slug: { equals: period.slug } })) continue;
    await create(COLLECTIONS.tariffPeriods, {
      ...period,
      rates: period.rates.map((rate) => ({ group: rate.group, scheme: rate.scheme, zone: rate.zone, price: rate.priceKopecks / 100 })),
      _status: 'published',
    });
  }

  const byMonth = new Map<string, { category: string; group: string; price: number }[]>();
  for (const price of loadUnregulatedPrices(content)) {
    const list = byMonth.get(price.month) ?? [];
    list.push({ category: String(price.category), group: price.group, price: price.priceKopecksPerMwh / 100 });
    byMonth.set(price.month, list);
  }
  for (const [month, prices] of byMonth) {
    if (await exists(COLLECTIONS.unregulatedPrices, { month: { equals: month } })) continue;
    await create(COLLECTIONS.unregulatedPrices, { month, prices, _status: 'published' });
  }

  // The topics an office books by (seeded before the site content, see seed/index.ts).
  const bookingTopics = new Map<string, Id>();
  for (const office of loadOffices(content)) {
    for (const row of office.booking?.topics ?? []) {
      const id = bookingTopics.get(row.topic) ?? (await exists(COLLECTIONS.topics, { slug: { equals: row.topic } }));
      if (id !== undefined) bookingTopics.set(row.topic, id);
    }
  }
  for (const [order, office] of loadOffices(content).entries()) {
    if (await exists(COLLECTIONS.offices, { slug: { equals: office.slug } })) continue;
    await create(COLLECTIONS.offices, officeData(office, order, bookingTopics));
  }

  const territories = await payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, overrideAccess: true });
  const territoryIds = new Map(territories.docs.map((doc) => [(doc as unknown as { slug: string }).slug, doc.id as Id]));
  const territoryId = (slug: string, news: string): Id => {
    const id = territoryIds.get(slug);
    if (id === undefined) throw new Error(`News ${news}: unknown territory ${slug}`);
    return id;
  };
  for (const item of loadNews(content)) {
    if (await exists(COLLECTIONS.news, { slug: { equals: item.slug } })) continue;
    const { body, settlements, streets, ...rest } = item;
    await create(COLLECTIONS.news, {
      ...rest,
      settlements: settlements.map((slug) => territoryId(slug, item.slug)),
      streets: streets.map((line) => ({ settlement: territoryId(line.settlement, item.slug), street: line.street })),
      body: richText(body),
      _status: 'published',
    });
  }

  const topics = await payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, overrideAccess: true });
  const topicIds = new Map(topics.docs.map((doc) => [(doc as unknown as { slug: string }).slug, doc.id as Id]));
  for (const summary of loadComplaintSummaries(content)) {
    const topic = topicIds.get(summary.topic);
    if (topic === undefined) throw new Error(`Complaint summary of ${summary.month}: unknown topic ${summary.topic}`);
    if (await exists(COLLECTIONS.complaintSummaries, { and: [{ month: { equals: summary.month } }, { topic: { equals: topic } }] })) continue;
    await create(COLLECTIONS.complaintSummaries, { topic, month: summary.month, summary: summary.summary, _status: 'published' });
  }

  for (const [order, document] of loadDocuments(content).entries()) {
    if (await exists(COLLECTIONS.documents, { slug: { equals: document.slug } })) continue;
    await create(COLLECTIONS.documents, {
      ...document,
      order,
      versions: document.versions.map((version) => ({ version: version.version, approvedAt: version.approvedAt, note: version.note })),
      _status: 'published',
    });
  }

  for (const [order, link] of loadLinks(content).entries()) {
    if (await exists(COLLECTIONS.usefulLinks, { url: { equals: link.url } })) continue;
    await create(COLLECTIONS.usefulLinks, { ...link, order, _status: 'published' });
  }

  // Running from this quarter's first day to the next quarter's last (company-local): see questionnaires.yaml.
  const period = demoQuestionnairePeriod(toLocalDateTime(new Date(), loadCompany(content).timeZone).date);
  for (const questionnaire of loadQuestionnaires(content)) {
    if (await exists(COLLECTIONS.questionnaires, { slug: { equals: questionnaire.slug } })) continue;
    await create(COLLECTIONS.questionnaires, {
      ...questionnaire,
      ...period,
      questions: questionnaire.questions.map(({ options, showIf, ...question }) => ({
        ...question,
        options: options.map((label) => ({ label })),
        showIfQuestion: showIf?.question ?? null,
        showIfAnswer: showIf?.answer ?? null,
      })),
      _status: 'published',
    });
  }
  return created;
}
