import { formatStaffDateTime } from './staff-dates';

/**
 * The list cell of every date-and-time field: the instant in the company's time zone with its label
 * («8 декабря 2026, 00:30 МСК»), whatever the browser's zone. Payload's own cell formats in the browser's zone and
 * so cannot carry a zone label. The zone comes from the config (`clientProps`, cms/src/admin-display.ts). Plain
 * markup without hooks, so it renders the same on the server and in the browser.
 */
export function StaffDateCell({ cellData, timeZone }: { cellData?: unknown; timeZone?: string }) {
  const text = typeof cellData === 'string' || cellData instanceof Date ? formatStaffDateTime(cellData, timeZone) : '';
  return <span className="portal-staff-date">{text}</span>;
}
