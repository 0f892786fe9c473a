import { createHash } from 'node:crypto';

/** CSP source expressions that allow specific inline `<script>` and `<style>` elements by hash. */
export interface InlineHashes {
  scriptHashes: string[];
  styleHashes: string[];
}

/**
 * The public site's Content-Security-Policy. Scripts and styles come from the site itself; inline
 * elements are allowed only by hash (see {@link inlineHashes}) — never 'unsafe-inline' — so injected
 * markup cannot run. Astro still emits a few inline elements (the island loader `<script>` and its
 * `<style>`), which is why HTML pages get per-page hashes. Style attributes stay blocked.
 */
export function contentSecurityPolicy(hashes: InlineHashes = { scriptHashes: [], styleHashes: [] }): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...hashes.scriptHashes]],
    ['style-src', ["'self'", ...hashes.styleHashes]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]],
    ['base-uri', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Finds the inline `<script>` and `<style>` elements of an HTML page and returns their CSP hashes
 * (`'sha256-…'`). The browser hashes the element text after normalising line breaks to LF, so we do too.
 */
export function inlineHashes(html: string): InlineHashes {
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    scriptHashes.add(hashSource(body));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    styleHashes.add(hashSource(match[1] ?? ''));
  }
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

function hashSource(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** Headers every public response carries, apart from CSP (which may be page-specific) and HSTS. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** HSTS for a year (subdomains are not ours to decide); sent only on requests that arrived over TLS, where browsers honour it. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Adds the security headers to a response's headers in place. A CSP already set (an HTML page with
 * its own inline hashes) is kept.
 */
export function applySecurityHeaders(headers: Headers, { overTls }: { overTls: boolean }): void {
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', contentSecurityPolicy());
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
  if (overTls) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}
