import type { Payload, Where } from 'payload';
import { submittedString, type PrecheckResult } from '@portal/core/appeal-contract';
import type { AppealForm } from '@portal/core/appeal-forms';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import {
  METER_READINGS_MESSAGES,
  lowerZones,
  zoneReadings,
  type HouseholdReadings,
  type LegalReadings,
  type ZoneReadings,
} from '@portal/core/meter-readings-form';
import { readingsClosedMessage, readingsWindowState } from '@portal/core/readings-window';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { knownTopicSlugs } from './register';
import { withTerritoryCheck } from './routing';
import { loadFormSettings } from '../settings/settings';

const OK: PrecheckResult = { kind: 'ok' };

/** Topic slug given to readings appeals, so they land with the readings specialists. */
const READINGS_TOPIC = 'pokazaniya';

/**
 * The server-side check of a public form before registration: the chosen territory first (a wrong one is
 * reported alone), then the check the form's row names (`precheck` in `@portal/core/appeal-forms`).
 * `raw` is the submitted body, `parsed` the form when its schema passed.
 */
export function precheckAppealForm(payload: Payload, form: AppealForm, raw: unknown, parsed: unknown): Promise<PrecheckResult> {
  const rule = form.precheck;
  return withTerritoryCheck(payload, raw, () => {
    switch (rule.kind) {
      case 'topic':
        return checkTopic(payload, raw, rule.message);
      case 'service':
        return checkService(payload, raw, rule.audience, rule.message);
      case 'readings':
        // Only the readings rows name this check, so the parsed form is one of the readings schemas'.
        return checkReadings(payload, parsed as HouseholdReadings | LegalReadings | undefined);
    }
  });
}

/**
 * Fills the topic the server decides, by the form's `topicFrom`: an application's from its service (with the
 * service's title for handlers), readings' the readings topic when the taxonomy has it; a form's own stays.
 */
export async function completeAppealTopic(payload: Payload, form: AppealForm, submission: AppealSubmission): Promise<void> {
  if (form.topicFrom === 'service') {
    const slug = submission.details?.service;
    if (typeof slug !== 'string') return;
    const service = await findActiveService(payload, slug);
    submission.topic = service?.topicSlug;
    if (service && submission.details) submission.details.serviceTitle = service.title;
  } else if (form.topicFrom === 'readings') {
    const topics = await payload.count({ collection: COLLECTIONS.topics, where: { slug: { equals: READINGS_TOPIC } }, overrideAccess: true });
    if (topics.totalDocs > 0) submission.topic = READINGS_TOPIC;
  }
}

/** The submitted topic must exist in the taxonomy. */
export async function checkTopic(payload: Payload, raw: unknown, message: string): Promise<PrecheckResult> {
  const topic = submittedString(raw, 'topic');
  if (topic !== undefined && !(await knownTopicSlugs(payload)).includes(topic)) {
    return { kind: 'invalid', fieldErrors: { topic: message } };
  }
  return OK;
}

/** A service of the catalogue as an application needs it. */
export interface CatalogueService {
  slug: string;
  title: string;
  audience: 'fl' | 'ul' | 'all';
  topicSlug: string | undefined;
}

/** The active service with this slug, or undefined. */
export async function findActiveService(payload: Payload, slug: string): Promise<CatalogueService | undefined> {
  const found = await payload.find({
    collection: COLLECTIONS.services,
    where: { and: [{ slug: { equals: slug } }, { active: { equals: true } }] },
    limit: 1,
    depth: 1,
    overrideAccess: true,
  });
  const doc = found.docs[0] as unknown as { slug: string; title: string; audience: 'fl' | 'ul' | 'all'; topic?: { slug?: string } | number | null } | undefined;
  if (!doc) return undefined;
  const topicSlug = typeof doc.topic === 'object' && doc.topic !== null ? doc.topic.slug : undefined;
  return { slug: doc.slug, title: doc.title, audience: doc.audience, topicSlug };
}

/** The submitted service must be active and offered to this audience. */
export async function checkService(payload: Payload, raw: unknown, audience: 'fl' | 'ul', message: string): Promise<PrecheckResult> {
  const slug = submittedString(raw, 'service');
  if (slug === undefined) return OK;
  const service = await findActiveService(payload, slug);
  if (!service || (service.audience !== 'all' && service.audience !== audience)) {
    return { kind: 'invalid', fieldErrors: { service: message } };
  }
  return OK;
}

/** The last readings stored for a meter, by zone, or undefined when there are none. */
export async function lastKnownReadings(payload: Payload, meterSerial: string): Promise<ZoneReadings | undefined> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { and: [{ type: { equals: 'readings' } }, { meterSerial: { equals: meterSerial } }] },
    sort: '-receivedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  const details = (found.docs[0] as unknown as { details?: Record<string, unknown> | null } | undefined)?.details;
  if (!details) return undefined;
  const result: ZoneReadings = {};
  for (const field of ['t1', 't2', 't3'] as const) {
    const value = details[field];
    if (typeof value === 'number') result[field] = value;
  }
  return result;
}

/**
 * Readings are accepted on the company's days of the month only (a clear refusal with the days otherwise),
 * and a reading lower than the meter's last one is questioned — the client confirms it or corrects it.
 */
export async function checkReadings(
  payload: Payload,
  form: HouseholdReadings | LegalReadings | undefined,
  now: Date = new Date(),
): Promise<PrecheckResult> {
  const settings = await loadFormSettings(payload);
  const window = readingsWindowState(now, settings.readingsWindow, settings.timeZone);
  if (!window.open) {
    return { kind: 'refused', status: 422, code: 'readings-closed', message: readingsClosedMessage(settings.readingsWindow, window) };
  }
  if (!form || form.confirmLower === true) return OK;
  const last = await lastKnownReadings(payload, form.meterSerial);
  if (!last) return OK;
  const lower = lowerZones(zoneReadings(form), last);
  if (lower.length === 0) return OK;
  const fieldErrors: Record<string, string> = {};
  for (const zone of lower) {
    const field = 'reading' in form ? 'reading' : zone;
    fieldErrors[field] = `${METER_READINGS_MESSAGES.lowerThanBefore} (прежнее показание — ${String(last[zone]).replace('.', ',')})`;
  }
  fieldErrors.confirmLower = METER_READINGS_MESSAGES.lowerThanBefore;
  return { kind: 'invalid', fieldErrors };
}

/** The form of an e-mail address the limit counts by: clients type the same address in varying case. */
export function normalizedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * How many appeals from this address were received within the last `windowMs`, whatever the case or surrounding
 * spaces the address was typed with (stored addresses keep the client's spelling). `where` narrows further (the
 * e-mail intake counts its confirmations with it). The one per-address counter of the forms and the e-mail intake.
 */
export async function recentAppealsFrom(
  payload: Payload,
  email: string,
  windowMs: number,
  now: Date = new Date(),
  where: Where[] = [],
): Promise<number> {
  const wanted = normalizedEmail(email);
  if (!wanted) return 0;
  // `like` is case-insensitive on both databases but matches substrings (and `_` as any character): it
  // narrows the window's appeals to candidates, and the exact comparison below decides.
  const recent = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { and: [{ email: { like: wanted } }, { receivedAt: { greater_than: new Date(now.getTime() - windowMs).toISOString() } }, ...where] },
    select: { email: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  return recent.docs.filter((doc) => normalizedEmail(String((doc as { email?: string | null }).email ?? '')) === wanted).length;
}

/** Fewer than `APPEALS_PER_EMAIL_PER_HOUR` appeals from this address in the last hour (see {@link recentAppealsFrom}). */
export async function emailWithinLimit(payload: Payload, email: string, now: Date = new Date()): Promise<boolean> {
  const { APPEALS_PER_EMAIL_PER_HOUR } = readCmsEnv();
  if (!normalizedEmail(email)) return true;
  return (await recentAppealsFrom(payload, email, 60 * 60 * 1000, now)) < APPEALS_PER_EMAIL_PER_HOUR;
}
