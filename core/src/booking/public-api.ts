/**
 * The public booking endpoints' answers (`/api/forms/booking/*`, cms/src/endpoints/booking.ts) as the CMS writes them
 * and the public server's steps without JavaScript read them (public-server/src/booking-page.ts): one contract for
 * both sides. Offices and topics go by slug; ids stay inside the CMS.
 */

/** An office and topic slug, as in the steps' addresses (`?office=…&topic=…`). */
export const BOOKING_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The private link's token (`/zapis/moya/?t=…`): an HMAC of the code, base64url. */
export const MANAGE_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** A topic an office books, with its slot length in minutes. */
export interface PublicTopic {
  slug: string;
  title: string;
  minutes: number;
}

/** An office taking bookings, with the topics it offers in its own order (`GET …/offices`: `{ offices }`). */
export interface PublicOffice {
  slug: string;
  name: string;
  settlement: string;
  address: string;
  topics: PublicTopic[];
}

/** The free times of one day, `HH:MM` (`GET …/slots`: `{ days }`). */
export interface PublicDay {
  date: string;
  times: string[];
}

/** What the private page shows of a booking (`GET …/manage?t=`). */
export interface PublicBooking {
  code: string;
  state: string;
  date: string;
  startTime: string;
  endTime: string;
  office: { slug: string; name: string; address: string };
  topic: { slug: string; title: string };
  /** True while it can still be cancelled or moved (booked, ahead). */
  open: boolean;
}
