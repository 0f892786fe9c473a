import { createHash, randomInt } from 'node:crypto';
import type { Payload } from 'payload';
import { BOOKING_CODE_ALPHABET, BOOKING_MESSAGES, contactKeys } from '@portal/core/booking/request';
import { DEFAULT_CONTACT_LIMIT, type BookingChannel } from '@portal/core/booking/constants';
import { addDays } from '@portal/core/iso-date';
import { cellKey, cellsOf, daySlots, instantOfLocal, isBookableDate, toClock, toMinutes, type OfficeTopicSettings, type Slot } from '@portal/core/booking/slots';
import { toLocalDateTime } from '@portal/core/time-zone';
import type { ProductionCalendar } from '@portal/core/production-calendar';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { contactHolderOf, storeOf, type NewClaim } from '../store';
import { manageTokenFor, queueBookingLetters, type BookingRow } from './notify';
import { cachedBookingOffice } from './office-cache';
import type { BookingOffice } from './settings';

/**
 * The booking service: free slots, booking, cancelling and moving a visit. The public steps and the staff's screens
 * (booking-office) both call these. A slot is taken by inserting its cells into `booking-claims`, whose unique index
 * lets only one request win (see Store.claimCells); the booking row is written after the claim, and a failed write
 * gives the cells back. The per-contact limit is claimed the same way, in the same batch (see claimSlot).
 */

export interface BookSlotInput {
  officeId: number | string;
  topicId: number | string;
  /** Local `YYYY-MM-DDTHH:MM` in the company's time zone. */
  start: string;
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  /** The client agreed to the processing of personal data (in the form, or orally to staff). */
  consent: boolean;
  channel: BookingChannel;
  staffUserId?: number | string | undefined;
}

export interface BookedVisit {
  id: number | string;
  code: string;
  officeId: string;
  topicId: string;
  date: string;
  startTime: string;
  endTime: string;
  desk: number;
}

export type BookingFailure = 'invalid' | 'not-bookable' | 'taken' | 'limit' | 'not-found';
export type BookOutcome = { ok: true; booking: BookedVisit; manageToken: string } | { ok: false; reason: BookingFailure; message: string };

const MESSAGES: Record<BookingFailure, string> = {
  invalid: BOOKING_MESSAGES.notBookable,
  'not-bookable': BOOKING_MESSAGES.notBookable,
  taken: BOOKING_MESSAGES.taken,
  limit: BOOKING_MESSAGES.limit,
  'not-found': BOOKING_MESSAGES.notFound,
};
const fail = (reason: BookingFailure): { ok: false; reason: BookingFailure; message: string } => ({ ok: false, reason, message: MESSAGES[reason] });

/** The stored form of a private link's token. */
export const hashManageToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function newCode(): string {
  let code = 'З-';
  for (let i = 0; i < 6; i++) code += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  return code;
}

const START = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** What every operation reads: the office, its calendar, the company's zone and «today» there, consent's version. */
interface Context {
  office: BookingOffice;
  calendar: ProductionCalendar;
  timeZone: string;
  consentVersion: string;
  today: string;
  now: Date;
}

/** Read through the per-process caches (office-cache.ts, the robot's settings): a few seconds old at most. */
async function contextFor(payload: Payload, officeId: number | string, now: Date): Promise<Context | null> {
  const [office, settings] = await Promise.all([cachedBookingOffice(payload, officeId), robotSettings(payload)]);
  if (!office) return null;
  const { company, calendar } = settings;
  return { office, calendar, timeZone: company.timeZone, consentVersion: company.consentVersion, today: toLocalDateTime(now, company.timeZone).date, now };
}

const topicOf = (office: BookingOffice, topicId: number | string): OfficeTopicSettings | undefined => office.settings.topics.find((topic) => topic.topicId === String(topicId));

/** The claimed cells of an office over dates as {@link cellKey}s. */
async function claimedSet(payload: Payload, officeId: string, from: string, to: string): Promise<Set<string>> {
  const cells = await storeOf(payload).claimedCells(officeId, from, to);
  return new Set(cells.map((cell) => cellKey(cell.desk, cell.date, toMinutes(cell.time))));
}

/**
 * Free slots of a topic at an office from `fromDate` to `toDate` (inclusive), cut to the bookable window (tomorrow …
 * the horizon). Empty when the office takes no bookings or does not offer the topic.
 */
export async function freeSlots(payload: Payload, officeId: number | string, topicId: number | string, fromDate: string, toDate: string, now = new Date(), options: { forStaff?: boolean } = {}): Promise<Slot[]> {
  const context = await contextFor(payload, officeId, now);
  if (!context) return [];
  return freeSlotsIn(payload, context, topicId, fromDate, toDate, options.forStaff === true);
}

/** With `forStaff`, today's times still ahead count too (staff book a caller for later today) and drafts are open. */
async function freeSlotsIn(payload: Payload, context: Context, topicId: number | string, fromDate: string, toDate: string, forStaff = false): Promise<Slot[]> {
  const { office, calendar, today, now, timeZone } = context;
  const topic = topicOf(office, topicId);
  if (!topic || !office.settings.enabled || (!office.published && !forStaff)) return [];
  const first = fromDate > today || (forStaff && fromDate === today) ? fromDate : addDays(today, 1);
  const horizonEnd = addDays(today, office.settings.horizonDays);
  const last = toDate < horizonEnd ? toDate : horizonEnd;
  if (first > last) return [];
  const claimed = await claimedSet(payload, office.id, first, last);
  const slots: Slot[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    for (const slot of daySlots(office.schedule, calendar, office.settings, topic, date, claimed)) {
      if (slot.freeDesks.length > 0 && (date > today || instantOfLocal(date, slot.start, timeZone).getTime() > now.getTime())) slots.push(slot);
    }
  }
  return slots;
}

/** Whether the slot starting at `date`+`time` is one of the topic's slots on that day, and the slot. */
function gridSlot(context: Context, topic: OfficeTopicSettings, date: string, time: string, channel: BookingChannel): Slot | null {
  const { office, calendar, today, now, timeZone } = context;
  // Clients book from tomorrow; staff may also book a caller for later today.
  const inWindow = channel === 'site' ? isBookableDate(today, office.settings.horizonDays, date) : date >= today && date <= addDays(today, office.settings.horizonDays);
  if (!inWindow) return null;
  if (instantOfLocal(date, time, timeZone).getTime() <= now.getTime()) return null;
  const slot = daySlots(office.schedule, calendar, office.settings, topic, date, new Set()).find((item) => item.start === time);
  return slot ?? null;
}

/** The per-contact limit a booking must fit under: the contact's keys and how many open bookings each may hold. */
interface ContactLimit {
  keys: string[];
  limit: number;
}

/**
 * The places of a contact under the per-contact limit are claim rows too: `contact|<key>|<n>` for n = 1…limit, under
 * the same unique index as the cells and inserted in the same batch (one transaction on SQLite; undone together on
 * MongoDB). A booking holds one place per key until it is cancelled, marked or its time has passed, so of any number
 * of concurrent requests at most `limit` get a place: the count is never read and then written.
 */
const contactCell = (key: string, n: number): string => `contact|${key}|${n}`;
/** Not an office id: contact claims never show among an office's claimed cells. */
const CONTACT_OFFICE = 'contact';

/** Claim rows (cell → booking code) that hold any of these cells. */
async function holdersOf(payload: Payload, cells: string[]): Promise<Map<string, string>> {
  const found = await payload.find({ collection: COLLECTIONS.bookingClaims, where: { cell: { in: cells } }, select: { cell: true, booking: true }, depth: 0, limit: cells.length, pagination: false, overrideAccess: true });
  return new Map((found.docs as unknown as { cell: string; booking: string }[]).map((doc) => [doc.cell, doc.booking]));
}

/**
 * Gives back the places of bookings no longer open (cancelled, marked, or their time passed) among these cells: the
 * limit counts open bookings only, and the hourly sweep may not have run yet. A place whose booking row is not
 * written yet (a booking in flight) is kept. True when any was given back.
 */
async function freeStaleContactCells(payload: Payload, held: Map<string, string>, now: Date): Promise<boolean> {
  const codes = [...new Set(held.values())];
  if (codes.length === 0) return false;
  const found = await payload.find({ collection: COLLECTIONS.bookings, where: { code: { in: codes } }, select: { code: true, state: true, startsAt: true }, depth: 0, limit: codes.length, pagination: false, overrideAccess: true });
  const stale = new Set((found.docs as unknown as { code: string; state: string; startsAt: string }[]).filter((doc) => doc.state !== 'booked' || new Date(doc.startsAt).getTime() <= now.getTime()).map((doc) => doc.code));
  let freed = false;
  for (const [cell, code] of held) {
    if (!stale.has(code)) continue;
    // By cell and code: a place another booking took meanwhile is not touched.
    await payload.delete({ collection: COLLECTIONS.bookingClaims, where: { and: [{ cell: { equals: cell } }, { booking: { equals: code } }] }, overrideAccess: true });
    freed = true;
  }
  return freed;
}

/** A free place per key (the cells to claim), or null when a key has all its places held by open bookings. */
async function pickContactCells(payload: Payload, contact: ContactLimit, now: Date): Promise<string[] | null> {
  const all = contact.keys.flatMap((key) => Array.from({ length: contact.limit }, (_, i) => contactCell(key, i + 1)));
  let held = await holdersOf(payload, all);
  const pick = () => contact.keys.map((key) => Array.from({ length: contact.limit }, (_, i) => contactCell(key, i + 1)).find((cell) => !held.has(cell)));
  let picked = pick();
  if (picked.some((cell) => cell === undefined) && (await freeStaleContactCells(payload, held, now))) {
    held = await holdersOf(payload, all);
    picked = pick();
  }
  return picked.every((cell): cell is string => cell !== undefined) ? picked : null;
}

/**
 * Takes the cells of a slot at the first desk that has them all free, together with the contact's places under the
 * limit when there is one: the desk, `limit` when the contact has no place left, or null when no desk could.
 */
async function claimSlot(payload: Payload, context: Context, topic: OfficeTopicSettings, date: string, time: string, code: string, holder: string, now: Date, contact: ContactLimit | null = null): Promise<number | 'limit' | null> {
  const store = storeOf(payload);
  // Try the desks that look free first (fewer refused inserts), then the rest: the insert decides, not this read.
  const claimed = await claimedSet(payload, context.office.id, date, date);
  const cells = cellsOf(time, topic.slotMinutes);
  const looksFree = topic.desks.filter((desk) => cells.every((cell) => !claimed.has(cellKey(desk, date, cell))));
  const order = [...looksFree, ...topic.desks.filter((desk) => !looksFree.includes(desk))];
  // A round ends early only when a concurrent booking of the same contact took the place picked: pick again.
  for (let round = 0; round <= (contact?.limit ?? 0) + 1; round++) {
    let places: NewClaim[] = [];
    if (contact && contact.keys.length > 0) {
      const picked = await pickContactCells(payload, contact, now);
      if (!picked) return 'limit';
      places = picked.map((cell) => ({ cell, office: CONTACT_OFFICE, desk: 0, date: '', time: '', booking: code, holder: contactHolderOf(code) }));
    }
    let placeLost = false;
    for (const desk of order) {
      const claims: NewClaim[] = cells.map((cell) => ({ office: context.office.id, desk, date, time: toClock(cell), booking: code, holder }));
      if (await store.claimCells([...claims, ...places], now)) return desk;
      if (places.length > 0 && (await holdersOf(payload, places.map((place) => place.cell!))).size > 0) {
        placeLost = true;
        break;
      }
    }
    if (!placeLost) return null;
  }
  return null;
}

export interface BookSlotOptions {
  now?: Date;
  contactLimit?: number;
  /**
   * Runs once the request is valid and the time is on the grid, right before anything is claimed: the public
   * endpoint spends the proof-of-work solution here (it throws when another request spent it first), so a request
   * refused for its fields keeps its solution and a spent one never claims a time.
   */
  beforeClaim?: () => Promise<void>;
}

/** Books a visit: the slot's cells at a free desk, then the booking row, then the letters. */
export async function bookSlot(payload: Payload, input: BookSlotInput, options: BookSlotOptions = {}): Promise<BookOutcome> {
  const now = options.now ?? new Date();
  const match = START.exec(input.start);
  if (!match || !input.consent || !input.name.trim() || !(input.phone || input.email)) return fail('invalid');
  const [, date, time] = match as unknown as [string, string, string];
  const context = await contextFor(payload, input.officeId, now);
  if (!context || !context.office.settings.enabled || (!context.office.published && input.channel === 'site')) return fail('not-bookable');
  const topic = topicOf(context.office, input.topicId);
  if (!topic) return fail('not-bookable');
  const slot = gridSlot(context, topic, date, time, input.channel);
  if (!slot) return fail('not-bookable');

  const keys = contactKeys(input);
  await options.beforeClaim?.();
  const code = newCode();
  const holder = `${code}@${date}T${time}`;
  // Staff booking for a caller is not limited (and holds no places).
  const contact = input.channel === 'site' ? { keys, limit: options.contactLimit ?? DEFAULT_CONTACT_LIMIT } : null;
  const desk = await claimSlot(payload, context, topic, date, time, code, holder, now, contact);
  if (desk === 'limit') return fail('limit');
  if (desk === null) return fail('taken');

  const manageToken = manageTokenFor(code);
  let created: BookingRow;
  try {
    created = (await payload.create({
      collection: COLLECTIONS.bookings,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: {
        code,
        office: Number.isNaN(Number(context.office.id)) ? context.office.id : Number(context.office.id),
        topic: Number.isNaN(Number(topic.topicId)) ? topic.topicId : Number(topic.topicId),
        date,
        startTime: slot.start,
        endTime: slot.end,
        desk,
        startsAt: instantOfLocal(date, slot.start, context.timeZone).toISOString(),
        state: 'booked',
        channel: input.channel,
        ...(input.staffUserId !== undefined ? { staffUser: input.staffUserId } : {}),
        name: input.name.trim(),
        phone: input.phone ?? null,
        email: input.email ?? null,
        contactKeys: keys,
        manageTokenHash: hashManageToken(manageToken),
        consent: { version: context.consentVersion, acceptedAt: now.toISOString(), method: input.channel === 'site' ? 'form' : 'oral' },
        moves: 0,
      } as never,
    })) as unknown as BookingRow;
  } catch (error) {
    await storeOf(payload).releaseClaims(code);
    throw error;
  }
  const booking: BookedVisit = { id: created.id, code, officeId: context.office.id, topicId: topic.topicId, date, startTime: slot.start, endTime: slot.end, desk };
  await queueBookingLetters(payload, { kind: 'confirmation', bookingId: created.id, manageToken, now, row: created });
  return { ok: true, booking, manageToken };
}

/** A booking row as the service reads it. */
export interface StoredBooking {
  id: number | string;
  code: string;
  office: number | string | { id: number | string };
  topic: number | string | { id: number | string };
  date: string;
  startTime: string;
  endTime: string;
  desk: number;
  startsAt: string;
  state: string;
  channel: BookingChannel;
  name: string;
  phone?: string | null;
  email?: string | null;
  moves?: number | null;
}

const refId = (value: number | string | { id: number | string }): string => (typeof value === 'object' ? String(value.id) : String(value));

/** The booking a private link's token opens, if any. */
export async function findBookingByToken(payload: Payload, token: string): Promise<StoredBooking | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await payload.find({ collection: COLLECTIONS.bookings, where: { manageTokenHash: { equals: hashManageToken(token) } }, depth: 0, limit: 1, overrideAccess: true });
  return (found.docs[0] as unknown as StoredBooking | undefined) ?? null;
}

/** What may identify the booking to cancel or move: its id (staff) or the private link's token (the client). */
export type BookingRef = { id: number | string } | { token: string };

async function bookingOf(payload: Payload, ref: BookingRef): Promise<StoredBooking | null> {
  if ('token' in ref) return findBookingByToken(payload, ref.token);
  return ((await payload.findByID({ collection: COLLECTIONS.bookings, id: ref.id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as StoredBooking | null) ?? null;
}

/** Cancels an open booking and frees its time. A booking already cancelled, or in the past, is not found. */
export async function cancelBooking(payload: Payload, ref: BookingRef, options: { now?: Date; by?: 'client' | 'staff' } = {}): Promise<{ ok: true; booking: StoredBooking } | { ok: false; reason: BookingFailure; message: string }> {
  const now = options.now ?? new Date();
  const booking = await bookingOf(payload, ref);
  if (!booking || booking.state !== 'booked' || new Date(booking.startsAt).getTime() <= now.getTime()) return fail('not-found');
  const updated = (await payload.update({
    collection: COLLECTIONS.bookings,
    id: booking.id,
    overrideAccess: true,
    depth: 0,
    context: { internal: true },
    data: { state: 'cancelled', cancelledAt: now.toISOString(), cancelledBy: options.by ?? ('token' in ref ? 'client' : 'staff') } as never,
  })) as unknown as StoredBooking;
  await storeOf(payload).releaseClaims(booking.code);
  await queueBookingLetters(payload, { kind: 'cancelled', bookingId: booking.id, now });
  return { ok: true, booking: updated };
}

/**
 * Moves an open booking to another slot of the same office and topic. Atomic for the client: the new cells are
 * claimed first (under a new holder); only then does the row move and the old cells go. If the new time is taken the
 * booking stays where it was.
 */
export async function moveBooking(payload: Payload, ref: BookingRef, newStart: string, options: { now?: Date } = {}): Promise<{ ok: true; booking: BookedVisit; manageToken?: string } | { ok: false; reason: BookingFailure; message: string }> {
  const now = options.now ?? new Date();
  const booking = await bookingOf(payload, ref);
  if (!booking || booking.state !== 'booked' || new Date(booking.startsAt).getTime() <= now.getTime()) return fail('not-found');
  const match = START.exec(newStart);
  if (!match) return fail('invalid');
  const [, date, time] = match as unknown as [string, string, string];
  const context = await contextFor(payload, refId(booking.office), now);
  if (!context || !context.office.settings.enabled) return fail('not-bookable');
  const topic = topicOf(context.office, refId(booking.topic));
  if (!topic) return fail('not-bookable');
  const slot = gridSlot(context, topic, date, time, 'token' in ref ? 'site' : booking.channel);
  if (!slot) return fail('not-bookable');
  const holder = `${booking.code}@${date}T${time}#${(booking.moves ?? 0) + 1}`;
  const desk = await claimSlot(payload, context, topic, date, time, booking.code, holder, now);
  if (desk === null || desk === 'limit') return fail('taken');
  try {
    await payload.update({
      collection: COLLECTIONS.bookings,
      id: booking.id,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: { date, startTime: slot.start, endTime: slot.end, desk, startsAt: instantOfLocal(date, slot.start, context.timeZone).toISOString(), moves: (booking.moves ?? 0) + 1 } as never,
    });
  } catch (error) {
    // Give back the new cells only: the old ones still hold the unchanged booking.
    await releaseHolder(payload, booking.code, holder);
    throw error;
  }
  await storeOf(payload).releaseClaims(booking.code, holder);
  await queueBookingLetters(payload, { kind: 'moved', bookingId: booking.id, now, ...('token' in ref ? { manageToken: ref.token } : {}) });
  return { ok: true, booking: { id: booking.id, code: booking.code, officeId: context.office.id, topicId: topic.topicId, date, startTime: slot.start, endTime: slot.end, desk } };
}

/** Deletes the claims of one placement of a booking (all claims of the booking but those of other holders). */
async function releaseHolder(payload: Payload, code: string, holder: string): Promise<void> {
  await payload.delete({ collection: COLLECTIONS.bookingClaims, where: { and: [{ booking: { equals: code } }, { holder: { equals: holder } }] }, overrideAccess: true });
}
