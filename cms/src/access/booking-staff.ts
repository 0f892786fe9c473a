/**
 * Who does what with office bookings on the staff side (issue 20). Clients' names and contacts are personal data:
 * only appeal handlers (who serve the offices' visitors) and administrators see them. Editors (who set the offices'
 * hours and topics) and managers see the day's schedule and the report without them.
 */

const any = (roles: readonly string[], allowed: readonly string[]) => roles.some((role) => allowed.includes(role));

/** «Приём по записи»: the day's schedule of an office. */
export const canSeeBookingDay = (roles: readonly string[]): boolean => any(roles, ['handler', 'manager', 'editor', 'admin']);

/** The clients' names and contacts in the day view, the affected list and the staff booking form. */
export const canSeeBookingClients = (roles: readonly string[]): boolean => any(roles, ['handler', 'admin']);

/** Marking a visit «пришёл / не пришёл», and booking for a client who calls or comes in. */
export const canServeBookings = (roles: readonly string[]): boolean => any(roles, ['handler', 'admin']);

/**
 * «Уведомить клиентов» after an office's hours changed: the editor who changed them may send the letters too (the
 * letters go to the addresses the clients gave; the editor never sees them).
 */
export const canNotifyAffectedClients = (roles: readonly string[]): boolean => any(roles, ['handler', 'editor', 'admin']);

/** The bookings report: aggregate figures, no personal data. */
export const canReadBookingReport = (roles: readonly string[]): boolean => any(roles, ['handler', 'manager', 'admin']);

/** Label of the roles that see the day view, for the view's refusal text. */
export const BOOKING_DAY_READERS_TEXT = 'специалистам по обращениям, редакторам, руководителям и администраторам';
