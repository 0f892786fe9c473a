import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getMimeType } from 'hono/utils/mime';
import { displaySettingsOf, displaySettingsTag, markDisplaySettings } from './display-mode';
import { contentSecurityPolicy, inlineHashes } from './security-headers';

/** Astro puts content-hashed bundles here; a changed file gets a new name, so they may be cached forever. */
const HASHED_ASSETS_PREFIX = '/_astro/';

const CACHE_HTML = 'no-cache';
const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Other files (images, PDFs) keep their names across rebuilds; a short lifetime lets updates show up soon. */
const CACHE_OTHER = 'public, max-age=600';

const NOT_FOUND_FALLBACK =
  '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Страница не найдена</title></head>' +
  '<body><main><h1>Страница не найдена</h1><p>Такой страницы на сайте нет. <a href="/">Перейти на главную</a></p></main></body></html>';

/**
 * Serves a file of the built site for a GET or HEAD request.
 *
 * `root` is the current build folder; the caller may pass a different one for every request (the
 * site is rebuilt into a fresh folder and swapped in). A URL ending in `/` serves that folder's
 * `index.html`; a folder URL without the slash is redirected to it (Astro builds with
 * `trailingSlash: 'always'`); anything else missing gets the site's `404.html` with status 404.
 * Paths are decoded segment by segment and refused if a segment could leave the root (`..`, encoded
 * slashes or backslashes, NUL) or names a hidden file.
 */
export async function serveStatic(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Метод не поддерживается.', {
      status: 405,
      headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const url = new URL(request.url);
  const segments = safeSegments(url.pathname);
  if (segments === null) return serveNotFoundPage(request, root);

  const wantsDirectory = url.pathname.endsWith('/');
  const relative = wantsDirectory ? [...segments, 'index.html'] : segments;
  const file = await openFile(root, relative);
  if (file === null) return serveNotFoundPage(request, root);

  if (file.isDirectory) {
    await file.handle.close();
    if (wantsDirectory) return serveNotFoundPage(request, root);
    const indexFile = await openFile(root, [...segments, 'index.html']);
    if (indexFile === null) return serveNotFoundPage(request, root);
    await indexFile.handle.close();
    const location = `/${segments.map(encodeURIComponent).join('/')}/${url.search}`;
    return new Response(null, { status: 301, headers: { Location: location, 'Cache-Control': CACHE_OTHER } });
  }

  const name = relative[relative.length - 1] ?? '';
  const cacheControl = name.endsWith('.html')
    ? CACHE_HTML
    : url.pathname.startsWith(HASHED_ASSETS_PREFIX)
      ? CACHE_HASHED
      : CACHE_OTHER;
  return fileResponse(request, file, { status: 200, name, cacheControl });
}

interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtimeMs: number;
  isDirectory: boolean;
}

/**
 * Splits a URL path into decoded segments, or null when the path is unsafe. A trailing slash yields
 * no empty segment; an empty segment elsewhere (`//`) is refused, so redirects built from the
 * segments can never become protocol-relative (`//evil.example`).
 */
export function safeSegments(pathname: string): string[] | null {
  const raw = pathname.split('/').slice(1);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[/\\\0]/.test(segment)) return null;
    if (segment.startsWith('.') && segment !== '.well-known') return null;
    segments.push(segment);
  }
  return segments;
}

async function openFile(root: string, segments: string[]): Promise<OpenedFile | null> {
  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  // Belt and braces: safeSegments already refused every way out of the root.
  if (target !== base && !target.startsWith(base + path.sep)) return null;
  let handle: FileHandle;
  try {
    handle = await open(target, 'r');
  } catch {
    return null;
  }
  try {
    // Stat the open handle, not the path: if the build folder is swapped and removed meanwhile,
    // we still serve one consistent file.
    const stats = await handle.stat();
    if (!stats.isFile() && !stats.isDirectory()) {
      await handle.close();
      return null;
    }
    return { handle, size: stats.size, mtimeMs: stats.mtimeMs, isDirectory: stats.isDirectory() };
  } catch {
    await handle.close().catch(() => undefined);
    return null;
  }
}

/** The site's `404.html` with status 404 (or a plain Russian page if the build has none). */
export async function serveNotFoundPage(request: Request, root: string): Promise<Response> {
  const file = await openFile(root, ['404.html']);
  if (file === null || file.isDirectory) {
    await file?.handle.close();
    return new Response(request.method === 'HEAD' ? null : NOT_FOUND_FALLBACK, {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE_HTML },
    });
  }
  return fileResponse(request, file, { status: 404, name: '404.html', cacheControl: CACHE_HTML, conditional: false });
}

async function fileResponse(
  request: Request,
  file: OpenedFile,
  options: { status: number; name: string; cacheControl: string; conditional?: boolean },
): Promise<Response> {
  const headers = new Headers({
    'Content-Type': getMimeType(options.name) ?? 'application/octet-stream',
    'Cache-Control': options.cacheControl,
  });
  const isHtml = options.name.endsWith('.html');
  // Pages differ by the visitor's low-vision settings (see display-mode.ts): caches must keep the versions apart,
  // and each combination has its own ETag, so a page cached in one version is never revalidated as another.
  const display = isHtml ? displaySettingsOf(request) : null;
  if (isHtml) headers.set('Vary', 'Cookie');
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}${display ? `-${displaySettingsTag(display)}` : ''}"`;
  const conditional = options.conditional !== false;
  if (conditional) {
    headers.set('ETag', etag);
    headers.set('Last-Modified', new Date(file.mtimeMs).toUTCString());
  }

  if (isHtml) {
    // Pages are small; reading them whole lets us allow exactly their inline elements in the CSP.
    // The page is read even when it is not modified: a browser merges the headers of a 304 into its
    // cached response, so a 304 without the page's hashes would block every island on a reload.
    let html: string;
    try {
      html = await file.handle.readFile('utf8');
    } finally {
      await file.handle.close();
    }
    if (display) html = markDisplaySettings(html, display);
    headers.set('Content-Security-Policy', contentSecurityPolicy(inlineHashes(html)));
    if (conditional && etagMatches(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set('Content-Length', String(Buffer.byteLength(html)));
    return new Response(request.method === 'HEAD' ? null : html, { status: options.status, headers });
  }

  if (conditional && etagMatches(request.headers.get('if-none-match'), etag)) {
    await file.handle.close();
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(file.size));
  if (request.method === 'HEAD') {
    await file.handle.close();
    return new Response(null, { status: options.status, headers });
  }
  const stream = file.handle.createReadStream({ autoClose: true });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: options.status, headers });
}

function etagMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const weak = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(etag));
}
