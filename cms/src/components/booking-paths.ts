/** Paths of the booking views under /admin (payload.config.ts registers them). */
export const BOOKING_DAY_VIEW_PATH = '/bookings-day';
export const BOOKING_REPORT_VIEW_PATH = '/bookings-report';
export const AFFECTED_BOOKINGS_VIEW_PATH = '/bookings-affected';
