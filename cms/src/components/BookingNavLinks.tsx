import type { ServerProps } from 'payload';
import { canReadBookingReport, canSeeBookingDay } from '../access/booking-staff';
import { BOOKING_DAY_VIEW_PATH, BOOKING_REPORT_VIEW_PATH } from './booking-paths';

/** «Приём по записи» and «Отчёт по записи на приём» in the admin's side navigation, for those who may open them. */
export function BookingNavLinks({ user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  return (
    <>
      {canSeeBookingDay(roles) ? (
        <a className="nav__link" href={`/admin${BOOKING_DAY_VIEW_PATH}`} style={{ display: 'block', marginBlock: '0.5rem' }}>
          <span className="nav__link-label">Приём по записи</span>
        </a>
      ) : null}
      {canReadBookingReport(roles) ? (
        <a className="nav__link" href={`/admin${BOOKING_REPORT_VIEW_PATH}`} style={{ display: 'block', marginBlock: '0.5rem' }}>
          <span className="nav__link-label">Отчёт по записи на приём</span>
        </a>
      ) : null}
    </>
  );
}
