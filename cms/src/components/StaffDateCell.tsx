import type { Payload } from 'payload';
import { formatAdminURL } from 'payload/shared';
import { Link } from '@payloadcms/ui';
import { formatStaffDateTime } from './staff-dates';

interface StaffDateCellProps {
  cellData?: unknown;
  /** The company's time zone, from the config (`clientProps`, cms/src/admin-display.ts). */
  timeZone?: string;
  /** Set by Payload for the column that opens the document (e.g. «Запрошена» of site builds). */
  link?: boolean;
  linkURL?: string;
  collectionSlug?: string;
  rowData?: { id?: string | number };
  payload?: Payload;
}

/**
 * The list cell of every date-and-time field: the instant in the company's time zone with its label
 * («8 декабря 2026, 00:30 МСК»), whatever the browser's zone. Payload's own cell formats in the browser's zone and
 * so cannot carry a zone label. Rendered on the server; when the column opens the document, the text is the link.
 */
export function StaffDateCell({ cellData, timeZone, link, linkURL, collectionSlug, rowData, payload }: StaffDateCellProps) {
  const text = typeof cellData === 'string' || cellData instanceof Date ? formatStaffDateTime(cellData, timeZone) : '';
  const href =
    linkURL ??
    (payload && collectionSlug && rowData?.id !== undefined
      ? formatAdminURL({ adminRoute: payload.config.routes.admin, path: `/collections/${collectionSlug}/${encodeURIComponent(String(rowData.id))}`, serverURL: payload.config.serverURL, relative: true })
      : undefined);
  if (link && href) {
    return (
      <Link href={href} prefetch={false} className="portal-staff-date">
        {text}
      </Link>
    );
  }
  return <span className="portal-staff-date">{text}</span>;
}
