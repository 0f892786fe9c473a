import type { Endpoint } from 'payload';
import { z } from 'zod';
import { fieldErrors } from '@portal/core/form-errors';
import { IsoDateSchema } from '@portal/core/iso-date';
import { BOOKING_MESSAGES, BookingRequestSchema, SlotTimeSchema } from '@portal/core/booking/request';
import { BOOKING_SLUG as SLUG, MANAGE_TOKEN } from '@portal/core/booking/public-api';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { HUMAN_CHECK_FIELD } from '@portal/core/human-check';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { publicBook, publicBooking, publicCancel, publicMove, publicOffices, publicSlots } from '../booking/public';
import { manageUrl } from '../booking/notify';
import { asRequest, NO_STORE, searchParamsOf } from './payload-request';
import { NOSCRIPT_HEADER } from './questionnaires';
import { russianIssue } from './russian-issue';

/*
 * The public booking endpoints under /api/forms/booking (forwarded by the public server, which rate-limits them;
 * its server-rendered steps /zapis/ and the island both call these). A booking needs the forms' proof-of-work
 * (`altcha`, good for one booking), except when the public server marks it as sent from its page without JavaScript
 * (NOSCRIPT_HEADER, which it never forwards from visitors): it limits those per address instead.
 */

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });
const STATUS = { invalid: 400, 'not-bookable': 422, taken: 409, limit: 429, 'not-found': 404 } as const;
const body = async (req: Parameters<Endpoint['handler']>[0]) => (asRequest(req).json() as Promise<unknown>).catch(() => null);
const TokenSchema = z.string().regex(MANAGE_TOKEN);

export const bookingEndpoints: Endpoint[] = [
  { path: '/forms/booking/offices', method: 'get', handler: async (req) => json({ offices: await publicOffices(req.payload) }) },
  {
    path: '/forms/booking/slots',
    method: 'get',
    handler: async (req) => {
      const params = searchParamsOf(req);
      const office = params.get('office') ?? '';
      const topic = params.get('topic') ?? '';
      if (!SLUG.test(office) || !SLUG.test(topic)) return json({ message: BOOKING_MESSAGES.topic }, 400);
      return json({ days: await publicSlots(req.payload, office, topic) });
    },
  },
  {
    path: '/forms/booking',
    method: 'post',
    handler: async (req) => {
      const request = asRequest(req);
      const raw = await body(req);
      const parsed = BookingRequestSchema.safeParse(raw);
      if (!parsed.success) return json({ message: russianIssue(parsed.error.issues), fieldErrors: fieldErrors(parsed.error) }, 400);
      const human = request.headers.get(NOSCRIPT_HEADER) === '1' ? null : singleUseHumanCheck(req.payload, request);
      const problem = human ? await human.verify(raw) : null;
      if (problem) return json({ message: problem, reason: 'human-check', fieldErrors: { [HUMAN_CHECK_FIELD]: problem } }, 400);
      let outcome;
      try {
        outcome = await publicBook(req.payload, parsed.data, { beforeClaim: async () => human?.spend() });
      } catch (error) {
        // Another booking spent this solution first.
        if (error instanceof FieldRejectedError) return json({ message: error.userMessage, reason: 'human-check', fieldErrors: { [HUMAN_CHECK_FIELD]: error.userMessage } }, 400);
        throw error;
      }
      if (!outcome.ok) return json({ message: outcome.message, reason: outcome.reason }, STATUS[outcome.reason]);
      const { booking } = outcome;
      return json({ code: booking.code, date: booking.date, startTime: booking.startTime, endTime: booking.endTime, manageUrl: manageUrl(outcome.manageToken), manageToken: outcome.manageToken }, 201);
    },
  },
  {
    path: '/forms/booking/manage',
    method: 'get',
    handler: async (req) => {
      const token = TokenSchema.safeParse(searchParamsOf(req).get('t'));
      const booking = token.success ? await publicBooking(req.payload, token.data) : null;
      return booking ? json(booking) : json({ message: BOOKING_MESSAGES.notFound }, 404);
    },
  },
  {
    path: '/forms/booking/cancel',
    method: 'post',
    handler: async (req) => {
      const token = TokenSchema.safeParse((await body(req) as { t?: unknown } | null)?.t);
      if (!token.success) return json({ message: BOOKING_MESSAGES.notFound }, 404);
      const outcome = await publicCancel(req.payload, token.data);
      return outcome.ok ? json({ cancelled: true }) : json({ message: outcome.message, reason: outcome.reason }, STATUS[outcome.reason]);
    },
  },
  {
    path: '/forms/booking/move',
    method: 'post',
    handler: async (req) => {
      const parsed = z.object({ t: TokenSchema, date: IsoDateSchema, time: SlotTimeSchema }).safeParse(await body(req));
      if (!parsed.success) return json({ message: BOOKING_MESSAGES.time }, 400);
      const outcome = await publicMove(req.payload, parsed.data.t, parsed.data.date, parsed.data.time);
      if (!outcome.ok) return json({ message: outcome.message, reason: outcome.reason }, STATUS[outcome.reason]);
      return json({ code: outcome.booking.code, date: outcome.booking.date, startTime: outcome.booking.startTime, endTime: outcome.booking.endTime });
    },
  },
];
