import type { Endpoint } from 'payload';
import { ReportPeriodSchema } from '@portal/core/report-period';
import { bookingReportToCsv } from '@portal/core/booking/booking-report';
import { canNotifyAffectedClients, canReadBookingReport, canSeeBookingClients, canServeBookings } from '../access/booking-staff';
import { rolesOf } from '../access/roles';
import { writeAuditEntry } from '../audit/hooks';
import { findAffectedBookings, notifyAffectedClients } from '../booking/staff/affected';
import { markAttendance } from '../booking/staff/attendance';
import { loadBookingReport } from '../booking/staff/report';
import { staffBook, staffFreeSlots } from '../booking/staff/staff-booking';
import { COLLECTIONS } from '../slugs';
import { forbidden, NO_STORE, searchParamsOf } from './payload-request';

const bodyOf = async (req: { json?: () => Promise<unknown> }): Promise<unknown> => (req.json ? await req.json().catch(() => null) : null);
const answer = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

/** POST /api/booking-staff/attendance/:id `{ state: 'attended' | 'no-show' | 'booked' }` — handlers, administrators. */
export const bookingAttendanceEndpoint: Endpoint = {
  path: '/booking-staff/attendance/:id',
  method: 'post',
  handler: async (req) => {
    const outcome = await markAttendance(req, String(req.routeParams?.id ?? ''), await bodyOf(req));
    return outcome.ok ? answer({ state: outcome.state }) : answer({ message: outcome.message }, outcome.status);
  },
};

/** GET /api/booking-staff/slots?office=&topic=[&date=] — free times for a caller (handlers, administrators). */
export const staffSlotsEndpoint: Endpoint = {
  path: '/booking-staff/slots',
  method: 'get',
  handler: async (req) => {
    if (!canServeBookings(rolesOf(req))) return forbidden();
    const params = searchParamsOf(req);
    const outcome = await staffFreeSlots(req.payload, { office: params.get('office') ?? '', topic: params.get('topic') ?? '', date: params.get('date') ?? undefined });
    return outcome.ok ? answer({ slots: outcome.slots }) : answer({ message: outcome.message }, outcome.status);
  },
};

/** POST /api/booking-staff/book — books a visit for a client who calls or came in (handlers, administrators). */
export const staffBookEndpoint: Endpoint = {
  path: '/booking-staff/book',
  method: 'post',
  handler: async (req) => {
    const outcome = await staffBook(req, await bodyOf(req));
    return outcome.ok ? answer(outcome.booking, 201) : answer({ message: outcome.message, errors: outcome.errors }, outcome.status);
  },
};

/** GET /api/booking-staff/affected?office= — open bookings the office's settings no longer allow. */
export const affectedBookingsEndpoint: Endpoint = {
  path: '/booking-staff/affected',
  method: 'get',
  handler: async (req) => {
    const roles = rolesOf(req);
    if (!canNotifyAffectedClients(roles)) return forbidden();
    const office = searchParamsOf(req).get('office') ?? '';
    if (!office) return answer({ message: 'Укажите офис.' }, 400);
    return answer({ bookings: await findAffectedBookings(req.payload, office, canSeeBookingClients(roles)) });
  },
};

/** POST /api/booking-staff/notify `{ office }` — «Уведомить клиентов»: one letter per affected booking, then cancels it. */
export const notifyAffectedEndpoint: Endpoint = {
  path: '/booking-staff/notify',
  method: 'post',
  handler: async (req) => {
    if (!canNotifyAffectedClients(rolesOf(req))) return forbidden();
    const body = (await bodyOf(req)) as { office?: unknown } | null;
    const office = typeof body?.office === 'string' || typeof body?.office === 'number' ? String(body.office) : '';
    if (!office) return answer({ message: 'Укажите офис.' }, 400);
    const outcome = await notifyAffectedClients(req, office);
    await writeAuditEntry(req, {
      action: 'update',
      target: COLLECTIONS.bookings,
      documentId: office,
      summary: `Уведомление клиентов офиса об отмене визитов: писем ${outcome.sent}, без e-mail ${outcome.withoutEmail}`,
    });
    return answer(outcome);
  },
};

/** GET /api/bookings-report?from=&to=[&format=csv] — bookings, no-shows and utilisation per office and topic. */
export const bookingsReportEndpoint: Endpoint = {
  path: '/bookings-report',
  method: 'get',
  handler: async (req) => {
    if (!canReadBookingReport(rolesOf(req))) return forbidden();
    const params = searchParamsOf(req);
    const parsed = ReportPeriodSchema.safeParse({ from: params.get('from') ?? '', to: params.get('to') ?? '' });
    if (!parsed.success) return answer({ message: 'Укажите период: даты с и по в формате ГГГГ-ММ-ДД.' }, 400);
    const report = await loadBookingReport(req.payload, parsed.data);
    if (params.get('format') === 'csv') {
      return new Response(bookingReportToCsv(report), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="bookings-${parsed.data.from}-${parsed.data.to}.csv"`, ...NO_STORE },
      });
    }
    return answer(report);
  },
};

/** The staff side of office bookings (issue 20), mounted by endpoints/index.ts. */
export const bookingStaffEndpoints: Endpoint[] = [bookingAttendanceEndpoint, staffSlotsEndpoint, staffBookEndpoint, affectedBookingsEndpoint, notifyAffectedEndpoint, bookingsReportEndpoint];
