import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { previousQuarter, quarterPeriod, QuarterSchema, type Quarter } from '@portal/core/report-period';
import type { QuarterlyFigures } from '@portal/core/quarterly-report';
import { APPEAL_CHANNEL_LABELS, APPEAL_CHANNELS } from '@portal/core/appeal-channel';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { rolesOf } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { loadAppealReport } from './report';
import { loadCompany } from '../settings/settings';

/** The row title of appeals without a topic in the public report. */
export const NO_TOPIC_TITLE = 'Без темы';

/** The report's topic counts (keyed by title) as rows by topic slug, with every known topic present. */
export function topicRows(
  topics: readonly { slug: string; title: string }[],
  current: Record<string, number>,
  previous: Record<string, number>,
): QuarterlyFigures['rows'] {
  const rows = topics.map((topic) => ({ topic: topic.slug, title: topic.title, count: current[topic.title] ?? 0, previousCount: previous[topic.title] ?? 0 }));
  // `loadAppealReport` counts appeals without a topic under 'без темы'; a deleted topic shows under its id.
  const known = new Set(topics.map((topic) => topic.title));
  const rest = (counts: Record<string, number>) => Object.entries(counts).filter(([title]) => !known.has(title)).reduce((sum, [, value]) => sum + value, 0);
  const other = { topic: '', title: NO_TOPIC_TITLE, count: rest(current), previousCount: rest(previous) };
  return other.count > 0 || other.previousCount > 0 ? [...rows, other] : rows;
}

/** The report's counts by the channel appeals came by, one row per channel (every channel, zeros included). */
export function channelRows(current: Record<string, number>, previous: Record<string, number>): NonNullable<QuarterlyFigures['channelRows']> {
  return APPEAL_CHANNELS.map((channel) => ({ channel, title: APPEAL_CHANNEL_LABELS[channel], count: current[channel] ?? 0, previousCount: previous[channel] ?? 0 }));
}

/** Exact counts by topic and by channel for a quarter and the one before it, from the appeals report (staff only until published). */
export async function quarterlyFigures(payload: Payload, quarter: Quarter): Promise<Pick<QuarterlyFigures, 'rows'> & { channelRows: NonNullable<QuarterlyFigures['channelRows']> }> {
  const company = await loadCompany(payload);
  const today = toLocalIsoDate(new Date(), company.timeZone);
  const localDate = (instant: string) => toLocalIsoDate(new Date(instant), company.timeZone);
  const [current, previous, topics] = await Promise.all([
    loadAppealReport(payload, { ...quarterPeriod(quarter), today }, localDate),
    loadAppealReport(payload, { ...quarterPeriod(previousQuarter(quarter)), today }, localDate),
    payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
  ]);
  const list = topics.docs.map((doc) => ({ slug: String((doc as { slug?: string }).slug ?? ''), title: String((doc as { title?: string }).title ?? '') }));
  return { rows: topicRows(list, current.byTopic, previous.byTopic), channelRows: channelRows(current.byReceivedChannel, previous.byReceivedChannel) };
}

/**
 * Fills the quarterly report `id` (as a draft) with the figures of its quarter. Editors and administrators: the
 * figures are aggregate counts, and the draft is published by an editor.
 */
export async function fillQuarterlyReport(payload: Payload, req: PayloadRequest, id: number | string): Promise<{ status: number; message: string }> {
  if (!rolesOf(req).some((role) => role === 'editor' || role === 'admin')) return { status: 403, message: 'Недостаточно прав.' };
  const doc = (await payload.findByID({ collection: COLLECTIONS.quarterlyReports, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true })) as { quarter?: string } | null;
  if (!doc) return { status: 404, message: 'Отчёт не найден.' };
  const quarter = QuarterSchema.safeParse(doc.quarter);
  if (!quarter.success) return { status: 400, message: 'Укажите квартал и сохраните черновик.' };
  const { rows, channelRows } = await quarterlyFigures(payload, quarter.data);
  await payload.update({ collection: COLLECTIONS.quarterlyReports, id, data: { rows, channelRows, filledAt: new Date().toISOString() } as never, draft: true, overrideAccess: true, req });
  return { status: 200, message: 'Цифры обновлены. Проверьте черновик и опубликуйте его.' };
}

/** `POST /api/quarterly-reports/:id/fill`: «Заполнить цифрами из обращений». */
export const fillQuarterlyReportEndpoint: Endpoint = {
  path: '/:id/fill',
  method: 'post',
  handler: async (req) => {
    const id = req.routeParams?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указан отчёт.' }, { status: 400 });
    const { status, message } = await fillQuarterlyReport(req.payload, req, id);
    return Response.json({ message }, { status, headers: { 'Cache-Control': 'no-store' } });
  },
};
