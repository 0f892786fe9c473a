import type { CollectionConfig } from 'payload';
import { ATTACHMENT_MIME_TYPES } from '@portal/core/attachments';
import { isAdmin, isHandlerOrAdmin, isNobody } from '../../access/roles';
import { attachmentsDir, readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

/**
 * Headers of a client's file as served to staff: a download (`Content-Disposition: attachment`), its type never
 * guessed (`nosniff`), sandboxed if opened anyway, and kept by no cache.
 */
export function privateDownloadHeaders(headers: Headers): Headers {
  headers.set('Content-Disposition', 'attachment');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
  headers.set('Cache-Control', 'private, no-store');
  return headers;
}

/**
 * Files clients attach to complaints and applications. Private: only handlers and administrators can list
 * or download them (Payload checks `read` before serving `/api/appeal-attachments/file/…`); editors and
 * anonymous visitors get nothing. Created only by the server, after the content was sniffed.
 */
export const AppealAttachments: CollectionConfig = {
  slug: COLLECTIONS.appealAttachments,
  labels: { singular: 'Вложение обращения', plural: 'Вложения обращений' },
  admin: { useAsTitle: 'filename', group: APPEALS_NAV_GROUP, hidden: ({ user }) => !((user?.roles as string[] | undefined) ?? []).some((role) => role === 'handler' || role === 'admin') },
  access: { read: isHandlerOrAdmin, create: isNobody, update: isNobody, delete: isAdmin },
  custom: { accessProfile: 'appeal-files' },
  upload: {
    staticDir: attachmentsDir(readCmsEnv()),
    mimeTypes: [...ATTACHMENT_MIME_TYPES],
    // No resized copies: attachments are evidence and are kept exactly as sent.
    disableLocalStorage: false,
    crop: false,
    focalPoint: false,
    // A client's file is evidence, not a page: always a download, never rendered on the staff's origin, never cached.
    modifyResponseHeaders: ({ headers }) => privateDownloadHeaders(headers),
  },
  fields: [
    { name: 'originalName', label: 'Имя файла у клиента', type: 'text', admin: { readOnly: true } },
  ],
};
