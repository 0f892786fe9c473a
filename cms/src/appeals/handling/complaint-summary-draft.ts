import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { personalDataMessage } from '@portal/core/pii-guard';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { rolesOf } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { loadCompany } from '../settings/settings';

/** States after which a complaint has an answer to summarise. */
export const SUMMARISABLE_STATES: readonly string[] = ['answered', 'closed'];

/** True when «Подготовить резюме для сайта» applies: an answered or closed complaint. */
export function canSummarise(appeal: { type?: unknown; status?: unknown }): boolean {
  return appeal.type === 'complaint' && SUMMARISABLE_STATES.includes(String(appeal.status));
}

/**
 * The neutral starting text of a summary. Built only from the topic, never from the complaint or the answer:
 * those carry names and addresses the personal-data guard cannot all recognise (names in particular).
 */
export function neutralSummaryText(topicTitle: string): string {
  return (
    `Клиент обратился с жалобой по теме «${topicTitle}». Жалоба рассмотрена, заявителю направлен ответ. ` +
    '[Кратко опишите суть жалобы и принятое решение без имён, адресов и номеров.]'
  );
}

/** Text in square brackets is a placeholder the handler replaces; the summary is not published while it stays. */
export const SUMMARY_PLACEHOLDER = /\[[^\]]*\]/;

/** The outcome of {@link draftComplaintSummary}. */
export type SummaryDraftOutcome =
  | { status: 201 | 200; id: number | string; adminUrl: string }
  | { status: 403 | 404 | 409; message: string };

const adminUrl = (id: number | string) => `/admin/collections/${COLLECTIONS.complaintSummaries}/${encodeURIComponent(String(id))}`;

/**
 * Creates a draft summary from an answered complaint: topic, month of the answer, a neutral text, and an internal
 * link back to the appeal. A second call returns the draft made earlier. Handlers and administrators only.
 */
export async function draftComplaintSummary(payload: Payload, req: PayloadRequest, appealId: number | string): Promise<SummaryDraftOutcome> {
  const roles = rolesOf(req);
  if (!roles.includes('handler') && !roles.includes('admin')) return { status: 403, message: 'Недостаточно прав.' };
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id: appealId, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as
    | { id: number | string; type?: string; status?: string; topic?: number | string | null; answeredAt?: string | null }
    | null;
  if (!appeal) return { status: 404, message: 'Обращение не найдено.' };
  if (!canSummarise(appeal)) return { status: 409, message: 'Резюме готовится только по жалобе, на которую уже дан ответ.' };
  const existing = await payload.find({ collection: COLLECTIONS.complaintSummaries, where: { appeal: { equals: appeal.id } }, draft: true, depth: 0, limit: 1, overrideAccess: true });
  const earlier = existing.docs[0];
  if (earlier) return { status: 200, id: earlier.id, adminUrl: adminUrl(earlier.id) };
  if (!appeal.topic) return { status: 409, message: 'У обращения не указана тема. Пожалуйста, укажите её и сохраните обращение.' };
  const topic = (await payload.findByID({ collection: COLLECTIONS.topics, id: appeal.topic, depth: 0, overrideAccess: true, disableErrors: true })) as { title?: string } | null;
  const summary = neutralSummaryText(topic?.title ?? 'прочее');
  // The text is built from an editor-made topic title; the guard still runs, as it does on every publish.
  if (personalDataMessage(summary)) return { status: 409, message: 'Не удалось подготовить текст без персональных данных. Пожалуйста, создайте резюме вручную.' };
  const { timeZone } = await loadCompany(payload);
  const month = toLocalIsoDate(appeal.answeredAt ? new Date(appeal.answeredAt) : new Date(), timeZone).slice(0, 7);
  const created = await payload.create({
    collection: COLLECTIONS.complaintSummaries,
    data: { topic: appeal.topic, month, summary, appeal: appeal.id, _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
    req,
  });
  return { status: 201, id: created.id, adminUrl: adminUrl(created.id) };
}

/** `POST /api/appeals/:id/complaint-summary`: «Подготовить резюме для сайта» on the appeal's edit view. */
export const complaintSummaryDraftEndpoint: Endpoint = {
  path: '/:id/complaint-summary',
  method: 'post',
  handler: async (req) => {
    const id = req.routeParams?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указано обращение.' }, { status: 400 });
    const { status, ...rest } = await draftComplaintSummary(req.payload, req, id);
    return Response.json(rest, { status, headers: { 'Cache-Control': 'no-store' } });
  },
};
