import type { SiteExport } from '@portal/core/site-export';
import { readSiteEnv } from './site-env';

/** Site path prefix of document files; the CMS export writes the same prefix into `fileUrl`. */
export const DOCUMENT_FILES_PREFIX = '/spravka/dokumenty/faily/';

/** File names of every published document version that has a file. */
export function documentFileNames(data: Pick<SiteExport, 'documents'>): string[] {
  const names = data.documents.flatMap((doc) => doc.versions.map((version) => version.fileUrl)).filter((url) => url.startsWith(DOCUMENT_FILES_PREFIX));
  return [...new Set(names.map((url) => decodeURIComponent(url.slice(DOCUMENT_FILES_PREFIX.length))))];
}

/**
 * Where the build downloads a document file from: the CMS that served the snapshot (files are public there).
 * Building from a snapshot file needs `SITE_DOCUMENT_FILES_URL` when the snapshot lists files.
 */
export function documentFileSource(name: string, env: { SITE_DOCUMENT_FILES_URL?: string | undefined; SITE_EXPORT_URL?: string | undefined } = readSiteEnv()): string {
  const base = env.SITE_DOCUMENT_FILES_URL?.trim() || (env.SITE_EXPORT_URL ? new URL('/api/document-files/file/', env.SITE_EXPORT_URL).href : '');
  if (!base) throw new Error(`Document file ${name}: set SITE_EXPORT_URL or SITE_DOCUMENT_FILES_URL so the build can fetch it`);
  return new URL(encodeURIComponent(name), base.endsWith('/') ? base : `${base}/`).href;
}
