import type { Payload, Where } from 'payload';
import { sendSlots, slotAfter, windowVerdict, type CampaignState } from '@portal/core/alert-campaign';
import { COLLECTIONS } from '../../slugs';
import { campaignGroup, deliveryKey, type DeliveryState } from './deliveries';
import { campaignLetter } from './letter';
import { cancelLetters, countLetters, enqueueLetters, letterStates, type LetterInput } from './outbox-port';
import { recipientsOf, subscriberRoutes, unsubscribedAddresses, unsubscribedAmong, type Recipient } from './recipients';

/** How far ahead the runner hands letters to the outbox (their `notBefore` spaced by the throttle). */
export const HORIZON_MS = 10_000;
/** Delivery rows written or letters enqueued per batch (progress is visible between batches). */
export const BATCH = 500;
/** At most this many letters enqueued for one campaign per round, whatever the throttle. */
const MAX_PER_ROUND = 5_000;

export interface CampaignDoc {
  id: number | string;
  title: string;
  state: CampaignState;
  source: 'manual' | 'news';
  scenario?: number | string | { id: number | string } | null;
  list?: number | string | { id: number | string } | null;
  news?: number | string | { id: number | string } | null;
  startAt: string;
  endAt: string;
  perMinute: number;
  prepared?: boolean | null;
  nextSlotAt?: string | null;
  startedAt?: string | null;
  recipients?: number | null;
  subject?: string | null;
  body?: string | null;
}

interface DeliveryDoc {
  id: number | string;
  key: string;
  email: string;
  subscription?: string | null;
  state: DeliveryState;
}

const idOf = (value: CampaignDoc['scenario']): number | string | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value;

/** Writes campaign fields the server owns. */
async function updateCampaign(payload: Payload, id: number | string, data: Record<string, unknown>, where?: Where): Promise<boolean> {
  const result = await payload.update({
    collection: COLLECTIONS.alertCampaigns,
    where: { and: [{ id: { equals: id } }, ...(where ? [where] : [])] },
    data: data as never,
    overrideAccess: true,
    depth: 0,
    context: { campaignServer: true },
  });
  if (result.errors.length > 0) throw new Error(`campaign ${id} not updated: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.docs.length > 0;
}

/**
 * Stores one delivery row per recipient (state `planned`), in batches; a row already there (an earlier, interrupted
 * run, or another instance doing the same) is kept as it is — the unique key refuses a second one. Then marks the
 * campaign prepared with the number of recipients.
 */
export async function prepareDeliveries(payload: Payload, campaign: CampaignDoc): Promise<number> {
  const recipients = await recipientsOf(payload, campaign);
  for (let from = 0; from < recipients.length; from += BATCH) {
    await storeDeliveries(payload, campaign.id, recipients.slice(from, from + BATCH));
  }
  const total = (await payload.count({ collection: COLLECTIONS.alertDeliveries, where: { campaign: { equals: campaign.id } }, overrideAccess: true })).totalDocs;
  await updateCampaign(payload, campaign.id, { prepared: true, recipients: total });
  return total;
}

async function storeDeliveries(payload: Payload, campaignId: number | string, batch: Recipient[]): Promise<void> {
  const keys = batch.map((recipient) => deliveryKey(campaignId, recipient.id));
  const existing = await payload.find({
    collection: COLLECTIONS.alertDeliveries,
    where: { key: { in: keys } },
    limit: keys.length,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { key: true },
  });
  const known = new Set(existing.docs.map((doc) => (doc as unknown as { key: string }).key));
  for (const recipient of batch) {
    const key = deliveryKey(campaignId, recipient.id);
    if (known.has(key)) continue;
    try {
      // Straight through the adapter (no hooks on these rows; the database's unique index on `key` still applies).
      const at = new Date().toISOString();
      await payload.db.create({
        collection: COLLECTIONS.alertDeliveries,
        data: { key, campaign: campaignId, email: recipient.email, subscription: recipient.subscription ?? null, state: 'planned', createdAt: at, updatedAt: at },
        returning: false,
      });
    } catch (error) {
      // Another process stored it between our read and this write: the unique key kept it to one row.
      const raced = await payload.count({ collection: COLLECTIONS.alertDeliveries, where: { key: { equals: key } }, overrideAccess: true });
      if (raced.totalDocs === 0) throw error;
    }
  }
}

async function loadContent(payload: Payload, campaign: CampaignDoc): Promise<{ subject: string; body: string }> {
  const scenarioId = idOf(campaign.scenario);
  if (scenarioId !== undefined) {
    const scenario = (await payload.findByID({ collection: COLLECTIONS.alertScenarios, id: scenarioId, depth: 0, overrideAccess: true })) as unknown as { subject: string; body: string };
    return { subject: scenario.subject, body: scenario.body };
  }
  return { subject: campaign.subject ?? campaign.title, body: campaign.body ?? '' };
}

/**
 * Hands the campaign's next letters to the outbox: the planned rows whose slots (throttle from the next free slot,
 * never before `now`) fall within {@link HORIZON_MS}, each with `notBefore` at its slot, and none at or after the
 * window's end. The outbox's dedupe key makes a second enqueue of the same recipient (a crash between enqueue and
 * marking the rows, or two instances in the same round) a no-op.
 */
async function enqueueDue(payload: Payload, campaign: CampaignDoc, now: number): Promise<'more' | 'none-planned'> {
  const end = Date.parse(campaign.endAt);
  let first = Math.max(campaign.nextSlotAt ? Date.parse(campaign.nextSlotAt) : Date.parse(campaign.startAt), now, Date.parse(campaign.startAt));
  let enqueued = 0;
  const content = await loadContent(payload, campaign);
  while (enqueued < MAX_PER_ROUND) {
    const want = Math.min(BATCH, Math.ceil(((now + HORIZON_MS - first) * campaign.perMinute) / 60_000));
    if (want <= 0) break;
    const planned = (
      await payload.find({
        collection: COLLECTIONS.alertDeliveries,
        where: { and: [{ campaign: { equals: campaign.id } }, { state: { equals: 'planned' } }] },
        sort: 'id',
        limit: want,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as DeliveryDoc[];
    if (planned.length === 0) return enqueued > 0 ? 'more' : 'none-planned';

    // A subscriber who left, or an imported address put on the suppression list, since the campaign was prepared
    // gets nothing.
    const gone = await unsubscribedAmong(payload, planned.map((row) => row.subscription).filter((id): id is string => Boolean(id)));
    const suppressed = await unsubscribedAddresses(payload, planned.filter((row) => !row.subscription).map((row) => row.email));
    const left = (row: DeliveryDoc) => (row.subscription ? gone.has(row.subscription) : suppressed.has(row.email.toLowerCase()));
    const sending = planned.filter((row) => !left(row));
    for (const row of planned) if (left(row)) await setDelivery(payload, row.id, { state: 'skipped' });

    const slots = sendSlots(first, campaign.perMinute, sending.length, end);
    const routes = await subscriberRoutes(payload, sending.slice(0, slots.length));
    const letters: LetterInput[] = slots.map((slot, i) => {
      const row = sending[i] as DeliveryDoc;
      const letter = campaignLetter(content, routes[i] ?? { headers: {} });
      return {
        purpose: 'alert-campaign',
        dedupeKey: row.key,
        to: row.email,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
        headers: letter.headers,
        notBefore: new Date(slot),
        group: campaignGroup(campaign.id),
      };
    });
    if (letters.length > 0) await enqueueLetters(payload, letters);
    for (let i = 0; i < letters.length; i++) await setDelivery(payload, (sending[i] as DeliveryDoc).id, { state: 'queued', plannedAt: (letters[i] as LetterInput).notBefore?.toISOString() });
    enqueued += letters.length;
    first = slotAfter(first, campaign.perMinute, slots.length);
    await updateCampaign(payload, campaign.id, { nextSlotAt: new Date(first).toISOString() });
    if (slots.length < sending.length) break; // the window ends before the rest: closing will record them
  }
  return 'more';
}

/**
 * Writes a delivery row's result straight through the database adapter: these rows have no hooks or versions, and
 * a campaign writes tens of thousands of them (Payload's update would read and validate each one again).
 */
async function setDelivery(payload: Payload, id: number | string, data: Record<string, unknown>): Promise<void> {
  await payload.db.updateOne({ collection: COLLECTIONS.alertDeliveries, id, data, returning: false });
}

/**
 * Copies the outbox's outcome of every queued letter into its delivery row (results kept after the outbox forgets):
 * sent, failed (the relay refused it: the last attempt failed), or — when the campaign is closing — not sent.
 */
async function recordOutcomes(payload: Payload, campaignId: number | string, closing: boolean): Promise<void> {
  for (;;) {
    const queued = (
      await payload.find({
        collection: COLLECTIONS.alertDeliveries,
        where: { and: [{ campaign: { equals: campaignId } }, { state: { equals: 'queued' } }] },
        sort: 'id',
        limit: BATCH,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    ).docs as unknown as DeliveryDoc[];
    if (queued.length === 0) return;
    const states = await letterStates(payload, queued.map((row) => row.key));
    let changed = 0;
    for (const row of queued) {
      const outcome = states.get(row.key);
      // Closing: a letter the relay kept refusing (attempts made, never accepted) failed; one never tried was not sent.
      const next: DeliveryState | undefined =
        outcome?.state === 'sent' ? 'sent' : closing ? ((outcome?.attempts ?? 0) > 0 ? 'failed' : 'not-sent') : undefined;
      if (next) {
        await setDelivery(payload, row.id, { state: next });
        changed++;
      }
    }
    if (changed === 0) return;
  }
}

/** Rows never handed to the outbox become `not-sent` (window closed, campaign cancelled). */
async function markPlannedNotSent(payload: Payload, campaignId: number | string): Promise<void> {
  await payload.update({
    collection: COLLECTIONS.alertDeliveries,
    where: { and: [{ campaign: { equals: campaignId } }, { state: { equals: 'planned' } }] },
    data: { state: 'not-sent' } as never,
    overrideAccess: true,
    depth: 0,
  });
}

/** Ends a campaign: its letters still waiting are withdrawn from the outbox, and every row gets its final result. */
export async function closeCampaign(payload: Payload, campaign: CampaignDoc, to: 'finished' | 'cancelled', now: Date): Promise<void> {
  await cancelLetters(payload, campaignGroup(campaign.id));
  await markPlannedNotSent(payload, campaign.id);
  await recordOutcomes(payload, campaign.id, true);
  await updateCampaign(payload, campaign.id, { state: to, finishedAt: now.toISOString() });
}

/**
 * One round for one campaign at `now`: an approved campaign gets its delivery rows, starts at its window's start;
 * a running one enqueues its next letters; at the window's end (or when every letter is out) it finishes.
 */
export async function tickCampaign(payload: Payload, campaign: CampaignDoc, now: Date): Promise<void> {
  const at = now.getTime();
  const verdict = windowVerdict(at, Date.parse(campaign.startAt), Date.parse(campaign.endAt));
  if (campaign.state === 'approved' || campaign.state === 'running') {
    if (!campaign.prepared) {
      campaign.recipients = await prepareDeliveries(payload, campaign);
      campaign.prepared = true;
    }
  }
  if (campaign.state === 'approved') {
    if (verdict === 'wait') return;
    if (verdict === 'closed') return closeCampaign(payload, campaign, 'finished', now);
    if (!(await updateCampaign(payload, campaign.id, { state: 'running', startedAt: now.toISOString() }, { state: { equals: 'approved' } }))) return;
    campaign.state = 'running';
  }
  if (campaign.state !== 'running') return;
  if (verdict === 'closed') return closeCampaign(payload, campaign, 'finished', now);
  const progress = await enqueueDue(payload, campaign, at);
  await recordOutcomes(payload, campaign.id, false);
  if (progress === 'none-planned') {
    const counts = await countLetters(payload, campaignGroup(campaign.id));
    if (counts.pending === 0 && counts.held === 0) await closeCampaign(payload, campaign, 'finished', now);
  }
}

/** One round over every approved or running campaign. Safe in any number of processes at once. */
export async function runCampaigns(payload: Payload, now = new Date()): Promise<void> {
  const campaigns = await payload.find({
    collection: COLLECTIONS.alertCampaigns,
    where: { state: { in: ['approved', 'running'] } },
    limit: 100,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  });
  for (const campaign of campaigns.docs as unknown as CampaignDoc[]) {
    try {
      await tickCampaign(payload, campaign, now);
    } catch (error) {
      payload.logger.warn({ campaign: campaign.id, err: error instanceof Error ? error.message : String(error) }, 'campaign round failed; will retry');
    }
  }
}

const RUNNERS_KEY = Symbol.for('portal.campaignRunners');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, { stop(): void }> | undefined>;

/** Starts the campaign loop of this process: a round every `pollMs` (started where the job queue runs). */
export function startCampaignRunner(payload: Payload, pollMs = 2000): { stop(): void } {
  const runners = (holder[RUNNERS_KEY] ??= new WeakMap());
  const existing = runners.get(payload);
  if (existing) return existing;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    if (stopped) return;
    await runCampaigns(payload).catch(() => undefined);
    if (!stopped) {
      timer = setTimeout(() => void round(), pollMs);
      timer.unref?.();
    }
  };
  timer = setTimeout(() => void round(), pollMs);
  timer.unref?.();
  const runner = {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
  runners.set(payload, runner);
  return runner;
}
