import type { Endpoint, Payload } from 'payload';
import { bookingSettingsOf } from '../booking/settings';
import { pageSegments, type PageNode } from '@portal/core/page-tree';
import { SiteExportSchema, type SiteExport } from '@portal/core/site-export';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { publicQuarterlyReport, type QuarterlyFigures } from '@portal/core/quarterly-report';
import { loadCalendarYears, loadCompany, loadFormSettings } from '../appeals/settings/settings';
import { loadQualityIndicators } from '../appeals/reports/quality-indicators';
import { scheduleInput, type OfficeScheduleFields } from '../collections/Offices/schedule';
import { internalOnly, isInternalRequest } from '../access/internal-request';
import { readCmsEnv } from '../env';
import { toKopecks } from '../fields/money';
import { exportRedirects } from '../publishing/redirects';
import { richTextToHtml } from '../publishing/rich-text-html';
import { answerToText, findPublishedFaq } from '../search/faq-source';
import { currentQuestionnaires } from '../questionnaires/questionnaire-store';
import { quarterlyQuestionnaireSummaries } from '../questionnaires/results-endpoint';
import { exportForum } from '../forum/export';
import { COLLECTIONS } from '../slugs';
import { exportApprovedReviews } from '../moderation/reviews-export';
import { NO_STORE } from './payload-request';

type Id = number | string;
type Row = Record<string, unknown> & { id: Id };
type CollectionSlug = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** Site path of an uploaded document file: the site build copies each file there (site/src/lib/document-files.ts). */
export const DOCUMENT_FILES_PATH = '/spravka/dokumenty/faily/';

const published = async (payload: Payload, collection: CollectionSlug, sort?: string, depth = 0): Promise<Row[]> => {
  const result = await payload.find({
    collection,
    pagination: false,
    depth,
    draft: false,
    overrideAccess: true,
    where: { _status: { equals: 'published' } },
    ...(sort ? { sort } : {}),
  });
  return result.docs as unknown as Row[];
};

const texts = (rows: unknown): string[] => ((rows as { text?: string }[] | null | undefined) ?? []).map((row) => row.text ?? '').filter(Boolean);
const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const quarterRows = (rows: unknown): QuarterlyFigures['rows'] =>
  ((rows as Record<string, unknown>[] | null | undefined) ?? []).map((row) => ({ topic: str(row.topic), title: str(row.title), count: Number(row.count ?? 0), previousCount: Number(row.previousCount ?? 0) }));
const quarterChannelRows = (rows: unknown): NonNullable<QuarterlyFigures['channelRows']> =>
  ((rows as Record<string, unknown>[] | null | undefined) ?? []).map((row) => ({ channel: str(row.channel), title: str(row.title), count: Number(row.count ?? 0), previousCount: Number(row.previousCount ?? 0) }));

/** Published pages with their paths; a page under an unpublished section is left out with its subtree. */
function exportPages(rows: Row[]): SiteExport['pages'] {
  const nodes = new Map<Id, PageNode>(rows.map((row) => [row.id, { id: row.id, slug: str(row.slug), parent: idOf(row.parent) }]));
  const reachable = (node: PageNode, seen = new Set<Id>()): boolean => {
    if (node.parent === null) return true;
    const parent = nodes.get(node.parent);
    if (!parent || seen.has(node.id)) return false;
    seen.add(node.id);
    return reachable(parent, seen);
  };
  const pathOf = (node: PageNode) => `/${pageSegments(node, nodes).join('/')}/`;
  return rows
    .filter((row) => reachable(nodes.get(row.id)!))
    .map((row) => {
      const node = nodes.get(row.id)!;
      const parent = node.parent === null ? undefined : nodes.get(node.parent);
      return {
        path: pathOf(node),
        slug: node.slug,
        parentPath: parent ? pathOf(parent) : null,
        title: str(row.title),
        summary: str(row.summary),
        audience: (row.audience as 'fl' | 'ul' | 'all') ?? 'all',
        bodyHtml: richTextToHtml(row.content),
        order: Number(row.order ?? 0),
        updatedAt: str(row.updatedAt),
      };
    });
}

type TerritoryRef = { slug: string; name: string };

/** A news item's settlements (names and slugs, in the editor's order) and streets, from territory ids (depth 0). */
function newsPlaces(row: Record<string, unknown>, territoryById: ReadonlyMap<string, TerritoryRef>): { settlements: string[]; settlementSlugs: string[]; streets: { settlement: string; street: string }[] } {
  const places = (Array.isArray(row.settlements) ? row.settlements : [])
    .map((value) => territoryById.get(String(idOf(value))))
    .filter((place): place is TerritoryRef => place !== undefined);
  const streets = (Array.isArray(row.streets) ? (row.streets as { settlement?: unknown; street?: unknown }[]) : [])
    .map((line) => ({ settlement: territoryById.get(String(idOf(line.settlement)))?.slug ?? '', street: str(line.street).trim() }))
    .filter((line) => line.settlement !== '' && line.street !== '');
  return { settlements: places.map((place) => place.name), settlementSlugs: places.map((place) => place.slug), streets };
}

/**
 * The published-content snapshot the static site is built from. Published documents only, public company
 * data only; validated against the shared contract before it leaves the process.
 */
export async function buildSiteExport(payload: Payload): Promise<SiteExport> {
  const [company, topics, faq, redirects, services, forms, pages, periods, prices, offices, news, summaries, documents, links, calendar, territories, quarterly] = await Promise.all([
    loadCompany(payload),
    payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
    findPublishedFaq(payload),
    exportRedirects(payload),
    payload.find({ collection: COLLECTIONS.services, where: { active: { equals: true } }, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
    loadFormSettings(payload),
    published(payload, COLLECTIONS.pages, 'order'),
    published(payload, COLLECTIONS.tariffPeriods, 'validFrom'),
    published(payload, COLLECTIONS.unregulatedPrices, 'month'),
    published(payload, COLLECTIONS.offices, 'order'),
    published(payload, COLLECTIONS.news, '-date'),
    published(payload, COLLECTIONS.complaintSummaries, '-month', 1),
    published(payload, COLLECTIONS.documents, 'order', 1),
    published(payload, COLLECTIONS.usefulLinks, 'order'),
    loadCalendarYears(payload),
    payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
    published(payload, COLLECTIONS.quarterlyReports, '-quarter'),
  ]);
  const qualityIndicators = await loadQualityIndicators(payload, company.timeZone);
  const questionnaires = await currentQuestionnaires(payload, toLocalIsoDate(new Date(), company.timeZone));
  const questionnaireSummaries = await quarterlyQuestionnaireSummaries(payload, quarterly);
  const forumThreads = await exportForum(payload, new Map(topics.docs.map((doc) => [String(doc.id), str((doc as { slug?: unknown }).slug)])));
  const officeSlugs = new Map(offices.map((office) => [office.id, str(office.slug)]));
  const reviews = await exportApprovedReviews(payload, officeSlugs);
  const territoryById = new Map(territories.docs.map((doc) => [String(doc.id), { slug: str((doc as { slug?: unknown }).slug), name: str((doc as { name?: unknown }).name) }]));
  return SiteExportSchema.parse({
    generatedAt: new Date().toISOString(),
    company: {
      name: company.name,
      shortName: company.shortName,
      region: company.region,
      hotline: company.hotline,
      email: company.email,
      address: company.address,
      timeZone: company.timeZone,
      privacyPolicyUrl: company.privacyPolicyUrl,
      hotlineIndividuals: company.hotlineIndividuals,
      hotlineOrganisations: company.hotlineOrganisations,
      personalAccountUrl: company.personalAccountUrl,
    },
    topics: topics.docs.map((doc) => {
      const topic = doc as unknown as { slug: string; title: string; description?: string | null; order?: number | null };
      return { slug: topic.slug, title: topic.title, description: topic.description ?? '', order: topic.order ?? 0 };
    }),
    faq: faq.map((entry) => {
      const office = idOf((entry as unknown as { office?: unknown }).office);
      return {
        slug: entry.slug,
        question: entry.question,
        answerHtml: richTextToHtml(entry.answer),
        answerText: answerToText(entry.answer),
        topic: (entry.topic as { slug?: string } | null)?.slug ?? '',
        audience: entry.audience,
        office: office === null ? '' : (officeSlugs.get(office) ?? ''),
        updatedAt: (entry as unknown as { updatedAt: string }).updatedAt,
      };
    }),
    pages: exportPages(pages),
    tariffPeriods: periods.map((row) => ({
      slug: row.slug,
      title: row.title,
      validFrom: row.validFrom,
      validTo: row.validTo,
      decree: row.decree,
      rates: ((row.rates as { group: string; scheme: string; zone: string; price: number }[] | null) ?? []).map((rate) => ({
        group: rate.group,
        scheme: rate.scheme,
        zone: rate.zone,
        priceKopecks: toKopecks(rate.price),
      })),
    })),
    redirects,
    services: services.docs.map((doc) => {
      const service = doc as unknown as { slug: string; title: string; audience: 'fl' | 'ul' | 'all'; description?: string | null; prices?: { item: string; unit?: string | null; price: number }[] | null };
      return {
        slug: service.slug,
        title: service.title,
        audience: service.audience,
        description: service.description ?? '',
        prices: (service.prices ?? []).map((row) => ({ item: row.item, unit: row.unit ?? '', priceKopecks: toKopecks(row.price) })),
      };
    }),
    forms: { readingsWindow: forms.readingsWindow, attachmentLimits: forms.attachmentLimits },
    unregulatedPrices: prices.flatMap((row) =>
      ((row.prices as { category: string; group: string; price: number }[] | null) ?? []).map((price) => ({
        month: row.month,
        category: Number(price.category),
        group: price.group,
        priceKopecksPerMwh: toKopecks(price.price),
      })),
    ),
    offices: offices.map((row) => ({
      slug: row.slug,
      kind: row.kind,
      name: row.name,
      settlement: row.settlement,
      address: row.address,
      latitude: row.latitude,
      longitude: row.longitude,
      transport: texts(row.transport),
      phones: texts(row.phones),
      email: str(row.email),
      headName: str(row.headName),
      headPhone: str(row.headPhone),
      schedule: scheduleInput(row as OfficeScheduleFields),
      services: texts(row.services),
      payment: texts(row.payment),
      accessibility: texts(row.accessibility),
      ...(row.category ? { category: row.category } : {}),
      equipment: {
        kiosk: Boolean((row.equipment as Record<string, unknown> | null)?.kiosk),
        electronicQueue: Boolean((row.equipment as Record<string, unknown> | null)?.electronicQueue),
        terminal: Boolean((row.equipment as Record<string, unknown> | null)?.terminal),
      },
      note: str(row.note),
      bookable: bookable(row.booking),
    })),
    news: news.map((row) => ({
      slug: row.slug,
      title: row.title,
      type: row.type,
      date: row.date,
      ...newsPlaces(row, territoryById),
      ...(row.outageState ? { outageState: row.outageState } : {}),
      ...(row.outageStart ? { outageStart: new Date(String(row.outageStart)).toISOString() } : {}),
      ...(row.outageEnd ? { outageEnd: new Date(String(row.outageEnd)).toISOString() } : {}),
      period: str(row.period),
      summary: str(row.summary),
      bodyHtml: richTextToHtml(row.body),
      urgent: Boolean(row.urgent),
      ...(row.urgent && row.urgentUntil ? { urgentUntil: row.urgentUntil } : {}),
    })),
    complaintSummaries: summaries.map((row) => ({
      topic: (row.topic as { slug?: string } | null)?.slug ?? '',
      month: row.month,
      summary: row.summary,
    })),
    // Only the suppressed public form leaves the CMS: exact small counts stay with the staff.
    quarterlyReports: quarterly.map((row) => ({
      ...publicQuarterlyReport({ quarter: str(row.quarter), rows: quarterRows(row.rows), channelRows: quarterChannelRows(row.channelRows), note: str(row.note) }),
      questionnaire: questionnaireSummaries.get(String(row.id)) ?? null,
    })),
    qualityIndicators,
    questionnaires,
    reviews,
    forumThreads,
    documents: documents.map((row) => ({
      slug: row.slug,
      title: row.title,
      kind: row.kind,
      audience: row.audience,
      description: str(row.description),
      versions: ((row.versions as { version: string; approvedAt: string; note?: string | null; file?: unknown }[] | null) ?? []).map((version) => {
        const file = version.file && typeof version.file === 'object' ? (version.file as { filename?: string; filesize?: number }) : null;
        return {
          version: version.version,
          approvedAt: version.approvedAt,
          note: version.note ?? '',
          ...(file?.filename ? { fileUrl: `${DOCUMENT_FILES_PATH}${encodeURIComponent(file.filename)}`, fileName: file.filename, fileSize: file.filesize ?? 0 } : {}),
        };
      }),
    })),
    links: links.map((row) => ({ title: row.title, url: row.url, description: str(row.description), group: str(row.group) })),
    calendar,
    territories: territories.docs.map((doc) => ({ slug: str((doc as { slug?: unknown }).slug), name: str((doc as { name?: unknown }).name), streets: texts((doc as { streets?: unknown }).streets as never) })),
  });
}

/**
 * `GET /api/site-export` (internal: loopback or `CMS_INTERNAL_TOKEN`): everything the site build reads from the CMS,
 * in one document.
 */
export const siteExportEndpoint: Endpoint = {
  path: '/site-export',
  method: 'get',
  handler: async (req) => {
    if (!isInternalRequest(req.headers, readCmsEnv().CMS_INTERNAL_TOKEN)) return internalOnly();
    return Response.json(await buildSiteExport(req.payload), { headers: NO_STORE });
  },
};

/** An office takes bookings through the site: switched on, with at least one topic and its desks. */
function bookable(group: unknown): boolean {
  const settings = bookingSettingsOf(group as Parameters<typeof bookingSettingsOf>[0]);
  return settings.enabled && settings.topics.length > 0;
}
