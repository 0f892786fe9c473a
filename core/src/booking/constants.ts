/**
 * Booking a visit to an office: the constants the CMS schema, the slot computation and the public steps share.
 */

/** Claims are taken per cell of this many minutes; a slot's length is a whole number of cells. */
export const CELL_MINUTES = 5;

/** Default booking horizon: bookable from tomorrow up to this many days ahead. */
export const DEFAULT_HORIZON_DAYS = 14;

/** Default limit of open (future, not cancelled) bookings per contact (phone or e-mail). */
export const DEFAULT_CONTACT_LIMIT = 2;

/** Default slot length of a topic, minutes. */
export const DEFAULT_SLOT_MINUTES = 15;

/** How a booking was made: by the client on the site, or by staff for a client who called or came in. */
export const BOOKING_CHANNELS = ['site', 'phone', 'office'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];
export const BOOKING_CHANNEL_LABELS: Record<BookingChannel, string> = {
  site: 'На сайте',
  phone: 'По телефону (записал сотрудник)',
  office: 'В офисе (записал сотрудник)',
};

/** Where a booking stands. `booked` is open; staff mark the visit (`attended` / `no-show`). */
export const BOOKING_STATES = ['booked', 'cancelled', 'attended', 'no-show'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
export const BOOKING_STATE_LABELS: Record<BookingState, string> = {
  booked: 'Записан',
  cancelled: 'Отменена',
  attended: 'Пришёл',
  'no-show': 'Не пришёл',
};
