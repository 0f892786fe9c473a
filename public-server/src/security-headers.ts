import { inlineHashes, type InlineHashes } from '@portal/core/csp-hashes';

export { inlineHashes, type InlineHashes };

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
