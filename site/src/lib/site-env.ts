import { z } from 'zod';
import { parseEnv, type EnvSource } from '@portal/core/env-config';
import { isIsoDate } from '@portal/core/iso-date';

/**
 * The site build's environment (astro.config.mjs and the pages that need it), validated in this one module: a bad
 * value fails the build with a message naming the variable. Read anew on every call, not cached: one process may
 * run several builds with different settings (the site's build tests do).
 */
const SiteEnvSchema = z.object({
  /** Pins the day the build treats as today (tests, previews). */
  SITE_TODAY: z.string().trim().refine(isIsoDate, 'expected a date like 2026-11-27').optional(),
  /** The published content snapshot: the CMS's export URL, or a snapshot file. */
  SITE_EXPORT_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  SITE_EXPORT_FILE: z.string().optional(),
  /** Sent with the export request (header `X-Internal-Token`): the CMS answers it from anywhere, not only loopback. */
  CMS_INTERNAL_TOKEN: z.string().optional(),
  /** Where document files are fetched when building from a snapshot file. */
  SITE_DOCUMENT_FILES_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  /** Output folder (the rebuild job writes into a fresh one and swaps it in). */
  SITE_OUT_DIR: z.string().default('./dist'),
  /** The site's public origin, for canonical links and the sitemap. */
  SITE_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('http://localhost:3000'),
});
export type SiteEnv = z.output<typeof SiteEnvSchema>;

/** The build's validated environment: this process's, or `source` in tests. */
export function readSiteEnv(source: EnvSource = process.env): SiteEnv {
  return parseEnv(SiteEnvSchema, source, { title: 'Invalid site build environment', secrets: ['CMS_INTERNAL_TOKEN'] });
}
