import { z } from 'zod';

/**
 * Redirects from old addresses of the public site. The CMS manages them (and adds one when a page's address
 * changes), the site build writes them to {@link REDIRECTS_FILE} in the build folder, and the public server answers
 * them with 301 without ever asking the CMS.
 */
export const REDIRECTS_FILE = '_redirects.json';

/** A site path: starts with `/`, no scheme or host, no `//` (which a browser would read as another host). */
const SitePathSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((value) => value.startsWith('/') && !value.startsWith('//') && !/[\s\\]/.test(value), 'Адрес должен начинаться с «/» и не содержать пробелов');

export const RedirectSchema = z.object({
  /** Old path, e.g. `/faq/oplata/staryi-adres/`. */
  from: SitePathSchema,
  /** New path on the same site, e.g. `/faq/oplata/novyi-adres/`. */
  to: SitePathSchema,
});
export type Redirect = z.output<typeof RedirectSchema>;

export const RedirectListSchema = z.array(RedirectSchema);

/** The form paths are compared in: decoded, with a trailing slash (the site builds with `trailingSlash: 'always'`). */
export function normalizeSitePath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    /* keep as given */
  }
  const last = decoded.split('/').pop() ?? '';
  // Files (with an extension) keep their form; page paths gain the trailing slash.
  return decoded.endsWith('/') || last.includes('.') ? decoded : `${decoded}/`;
}

/** Builds the lookup table, dropping self-redirects and following chains (a → b → c becomes a → c). */
export function redirectTable(redirects: readonly Redirect[]): Map<string, string> {
  const direct = new Map<string, string>();
  for (const { from, to } of redirects) {
    const source = normalizeSitePath(from);
    if (source !== normalizeSitePath(to)) direct.set(source, to);
  }
  const table = new Map<string, string>();
  for (const [source, target] of direct) {
    let end = target;
    const seen = new Set([source]);
    // Bounded walk: a loop (a → b → a) stops where it would repeat.
    while (direct.has(normalizeSitePath(end)) && !seen.has(normalizeSitePath(end))) {
      seen.add(normalizeSitePath(end));
      end = direct.get(normalizeSitePath(end)) ?? end;
    }
    if (normalizeSitePath(end) !== source) table.set(source, end);
  }
  return table;
}
