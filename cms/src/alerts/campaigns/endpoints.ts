import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { CAMPAIGN_STATE_LABELS, CAMPAIGN_STATES, transitionVerdict, type Actor, type CampaignState, type StaffRole } from '@portal/core/alert-campaign';
import { csvCell } from '@portal/core/csv';
import { toLocalIsoDateTime } from '@portal/core/time-zone';
import { rolesOf } from '../../access/roles';
import { forbidden, NO_STORE, searchParamsOf } from '../../endpoints/payload-request';
import { COLLECTIONS } from '../../slugs';
import { campaignGroup, DELIVERY_STATE_LABELS, DELIVERY_STATES, type DeliveryState } from './deliveries';
import { countLetters, holdLetters, releaseLetters } from './outbox-port';
import { SUBSCRIPTIONS } from './recipients';
import { closeCampaign, type CampaignDoc } from './runner';

const COMPOSERS: readonly StaffRole[] = ['editor', 'manager', 'admin'];
const PERSONAL_DATA_READERS: readonly StaffRole[] = ['manager', 'admin'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });
const idParam = (req: PayloadRequest): string | undefined => {
  const id = req.routeParams?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};
const may = (req: PayloadRequest, roles: readonly StaffRole[]) => rolesOf(req).some((role) => (roles as readonly string[]).includes(role));

async function loadCampaign(payload: Payload, id: string): Promise<CampaignDoc | null> {
  return (await payload.findByID({ collection: COLLECTIONS.alertCampaigns, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as CampaignDoc | null;
}

/**
 * Moves a campaign to another state on a staff member's request (core/src/alert-campaign.ts says who may);
 * pausing holds its letters in the outbox, resuming releases them, cancelling records every result.
 */
export async function moveCampaign(payload: Payload, id: string, to: CampaignState, actor: Actor, now = new Date()): Promise<{ status: number; message: string }> {
  const campaign = await loadCampaign(payload, id);
  if (!campaign) return { status: 404, message: 'Рассылка не найдена.' };
  const author = (campaign as unknown as { author?: number | string | { id: number | string } | null }).author;
  const authorId = author === null || author === undefined ? null : String(typeof author === 'object' ? author.id : author);
  const verdict = transitionVerdict(campaign.state, to, actor, authorId);
  if (verdict !== true) return { status: 403, message: verdict };
  if (campaign.state === to) return { status: 200, message: CAMPAIGN_STATE_LABELS[to] };
  const group = campaignGroup(campaign.id);
  if (to === 'cancelled') {
    await closeCampaign(payload, campaign, 'cancelled', now);
    return { status: 200, message: CAMPAIGN_STATE_LABELS[to] };
  }
  const data: Record<string, unknown> = { state: to };
  if (to === 'approved' && actor.kind === 'staff') {
    // Relationship ids keep the database's type (numbers on SQLite).
    data.approvedBy = /^\d+$/.test(actor.id) ? Number(actor.id) : actor.id;
    data.approvedAt = now.toISOString();
  }
  if (to === 'paused') await holdLetters(payload, group);
  if (to === 'running' && campaign.state === 'paused') {
    // Letters resume from now: the throttle counts from the resumption, not from the old slots.
    const next = campaign.nextSlotAt ? Math.max(Date.parse(campaign.nextSlotAt), now.getTime()) : now.getTime();
    data.nextSlotAt = new Date(next).toISOString();
  }
  const moved = await payload.update({
    collection: COLLECTIONS.alertCampaigns,
    where: { and: [{ id: { equals: campaign.id } }, { state: { equals: campaign.state } }] },
    data: data as never,
    overrideAccess: true,
    depth: 0,
    context: { campaignServer: true },
  });
  if (moved.errors.length > 0) throw new Error(`campaign ${campaign.id} not moved: ${moved.errors.map((error) => error.message).join('; ')}`);
  if (moved.docs.length === 0) return { status: 409, message: 'Состояние рассылки уже изменилось. Обновите страницу.' };
  if (to === 'running' && campaign.state === 'paused') await releaseLetters(payload, group);
  return { status: 200, message: CAMPAIGN_STATE_LABELS[to] };
}

const actorOf = (req: PayloadRequest): Actor | null =>
  req.user ? { kind: 'staff', id: String(req.user.id), roles: rolesOf(req) as readonly StaffRole[] } : null;

const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    const actor = actorOf(req);
    const id = idParam(req);
    if (!actor || !may(req, COMPOSERS)) return forbidden();
    if (!id) return json({ message: 'Не указана рассылка.' }, 400);
    const body = (await req.json?.().catch(() => ({}))) as { to?: unknown } | undefined;
    const to = body?.to;
    if (typeof to !== 'string' || !(CAMPAIGN_STATES as readonly string[]).includes(to)) return json({ message: 'Не указано новое состояние.' }, 400);
    const { status, message } = await moveCampaign(req.payload, id, to as CampaignState, actor);
    return json({ message }, status);
  },
};

export interface CampaignProgress {
  state: CampaignState;
  stateLabel: string;
  recipients: number;
  /** Delivery rows by state. */
  byState: Record<DeliveryState, number>;
  /** The outbox's live counts of the campaign's letters. */
  outbox: { pending: number; held: number; sent: number; cancelled: number; failing: number };
  /** Recipients who unsubscribed since the campaign started. */
  unsubscribedSince: number;
}

/** The live figures of a campaign (no personal data: staff who compose campaigns see them). */
export async function campaignProgress(payload: Payload, campaign: CampaignDoc): Promise<CampaignProgress> {
  const byState = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
  for (const state of DELIVERY_STATES) {
    byState[state] = (
      await payload.count({ collection: COLLECTIONS.alertDeliveries, where: { and: [{ campaign: { equals: campaign.id } }, { state: { equals: state } }] }, overrideAccess: true })
    ).totalDocs;
  }
  const outbox = campaign.state === 'draft' || campaign.state === 'awaiting-approval' ? { pending: 0, held: 0, sent: 0, cancelled: 0, failing: 0 } : await countLetters(payload, campaignGroup(campaign.id));
  let unsubscribedSince = 0;
  if (campaign.startedAt) {
    const gone = await payload.find({
      collection: SUBSCRIPTIONS,
      where: { unsubscribedAt: { greater_than_equal: campaign.startedAt } },
      pagination: false,
      limit: 10_000,
      depth: 0,
      overrideAccess: true,
    });
    const ids = (gone.docs as unknown as { id: number | string }[]).map((doc) => String(doc.id));
    if (ids.length > 0) {
      unsubscribedSince = (
        await payload.count({ collection: COLLECTIONS.alertDeliveries, where: { and: [{ campaign: { equals: campaign.id } }, { subscription: { in: ids } }] }, overrideAccess: true })
      ).totalDocs;
    }
  }
  return { state: campaign.state, stateLabel: CAMPAIGN_STATE_LABELS[campaign.state], recipients: campaign.recipients ?? 0, byState, outbox, unsubscribedSince };
}

const progressEndpoint: Endpoint = {
  path: '/:id/progress',
  method: 'get',
  handler: async (req) => {
    if (!may(req, COMPOSERS)) return forbidden();
    const id = idParam(req);
    const campaign = id ? await loadCampaign(req.payload, id) : null;
    if (!campaign) return json({ message: 'Рассылка не найдена.' }, 404);
    return json(await campaignProgress(req.payload, campaign));
  },
};

/** Per recipient (addresses: managers and administrators only), CSV for a spreadsheet (`;`, UTF-8 with BOM). */
const recipientsReportEndpoint: Endpoint = {
  path: '/:id/report',
  method: 'get',
  handler: async (req) => {
    if (!may(req, PERSONAL_DATA_READERS)) return forbidden();
    const id = idParam(req);
    const campaign = id ? await loadCampaign(req.payload, id) : null;
    if (!campaign) return json({ message: 'Рассылка не найдена.' }, 404);
    const lines = [['Адрес', 'Итог', 'Не раньше (МСК)'].map((cell) => csvCell(cell, ';')).join(';')];
    for (let page = 1; ; page++) {
      const result = await req.payload.find({ collection: COLLECTIONS.alertDeliveries, where: { campaign: { equals: campaign.id } }, sort: 'id', page, limit: 2000, depth: 0, overrideAccess: true });
      for (const row of result.docs as unknown as { email: string; state: DeliveryState; plannedAt?: string | null }[]) {
        lines.push([row.email, DELIVERY_STATE_LABELS[row.state], row.plannedAt ? toLocalIsoDateTime(new Date(row.plannedAt)).replace('T', ' ') : null].map((cell) => csvCell(cell, ';')).join(';'));
      }
      if (!result.hasNextPage) break;
    }
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="campaign-${campaign.id}.csv"`, ...NO_STORE },
    });
  },
};

/** Campaigns whose window started in a period (`?from=&to=`, company dates), one line each with the results. */
const periodReportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  handler: async (req) => {
    if (!may(req, COMPOSERS)) return forbidden();
    const params = searchParamsOf(req);
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to) return json({ message: 'Укажите период: даты с и по в формате ГГГГ-ММ-ДД.' }, 400);
    const campaigns = await req.payload.find({ collection: COLLECTIONS.alertCampaigns, sort: 'startAt', pagination: false, limit: 10_000, depth: 0, overrideAccess: true });
    const header = ['Рассылка', 'Состояние', 'Начало (МСК)', 'Окончание (МСК)', 'Получателей', ...DELIVERY_STATES.map((state) => DELIVERY_STATE_LABELS[state])];
    const lines = [header.map((cell) => csvCell(cell, ';')).join(';')];
    for (const campaign of campaigns.docs as unknown as CampaignDoc[]) {
      const startDay = toLocalIsoDateTime(new Date(campaign.startAt)).slice(0, 10);
      if (startDay < from || startDay > to) continue;
      const progress = await campaignProgress(req.payload, campaign);
      lines.push(
        [
          campaign.title,
          CAMPAIGN_STATE_LABELS[campaign.state],
          toLocalIsoDateTime(new Date(campaign.startAt)).replace('T', ' '),
          toLocalIsoDateTime(new Date(campaign.endAt)).replace('T', ' '),
          progress.recipients,
          ...DELIVERY_STATES.map((state) => progress.byState[state]),
        ]
          .map((cell) => csvCell(cell, ';'))
          .join(';'),
      );
    }
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="campaigns-${from}-${to}.csv"`, ...NO_STORE },
    });
  },
};

export const campaignEndpoints: Endpoint[] = [periodReportEndpoint, transitionEndpoint, progressEndpoint, recipientsReportEndpoint];
