import { readFile } from 'node:fs/promises';
import { SiteExportSchema, type SiteExport } from '@portal/core/site-export';
import { readSiteEnv } from './site-env';

/** Where the build takes the published content snapshot from. */
export type ExportSource = { kind: 'url'; url: string; token?: string } | { kind: 'file'; path: string };

/** Thrown when the snapshot is missing, unreachable or invalid; the message says what to fix. */
export class SiteExportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SiteExportError';
  }
}

/**
 * Chooses the snapshot source from the environment: `SITE_EXPORT_URL` (the CMS's
 * `GET /api/site-export`) wins over `SITE_EXPORT_FILE` (a JSON file). Neither set is an error,
 * because a site built from nothing would publish empty pages.
 */
export function resolveExportSource(env: { SITE_EXPORT_URL?: string | undefined; SITE_EXPORT_FILE?: string | undefined; CMS_INTERNAL_TOKEN?: string | undefined }): ExportSource {
  const url = env.SITE_EXPORT_URL?.trim();
  // The CMS answers its export to loopback callers, and to others only with the internal token.
  if (url) return env.CMS_INTERNAL_TOKEN ? { kind: 'url', url, token: env.CMS_INTERNAL_TOKEN } : { kind: 'url', url };
  const path = env.SITE_EXPORT_FILE?.trim();
  if (path) return { kind: 'file', path };
  throw new SiteExportError(
    'The site build needs the published content snapshot: set SITE_EXPORT_URL ' +
      '(e.g. http://127.0.0.1:3001/api/site-export) or SITE_EXPORT_FILE (e.g. site/fixtures/site-export.json).',
  );
}

/** Slugs become URL path segments: lower-case Latin letters, digits and single hyphens only. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Validates raw snapshot data against {@link SiteExportSchema} and the site's own needs
 * (URL-safe unique slugs, every FAQ in a known topic). `source` only names the origin in errors.
 */
export function parseSiteExport(raw: unknown, source: string): SiteExport {
  const result = SiteExportSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `- ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`,
    );
    throw new SiteExportError(`The content snapshot from ${source} is invalid:\n${issues.join('\n')}`);
  }
  const data = result.data;
  const problems: string[] = [];

  const topicSlugs = new Set<string>();
  for (const topic of data.topics) {
    if (!SLUG_PATTERN.test(topic.slug)) problems.push(`topic slug "${topic.slug}" is not URL-safe`);
    if (topicSlugs.has(topic.slug)) problems.push(`topic slug "${topic.slug}" appears more than once`);
    topicSlugs.add(topic.slug);
  }
  // Search hits link to /faq/<topic>/<slug>/ by the entry's slug alone, so slugs are unique site-wide.
  const faqSlugs = new Set<string>();
  for (const entry of data.faq) {
    if (!SLUG_PATTERN.test(entry.slug)) problems.push(`FAQ slug "${entry.slug}" is not URL-safe`);
    if (faqSlugs.has(entry.slug)) problems.push(`FAQ slug "${entry.slug}" appears more than once`);
    faqSlugs.add(entry.slug);
    if (!topicSlugs.has(entry.topic)) problems.push(`FAQ "${entry.slug}" refers to unknown topic "${entry.topic}"`);
  }
  if (problems.length > 0) {
    throw new SiteExportError(`The content snapshot from ${source} is inconsistent:\n- ${problems.join('\n- ')}`);
  }
  return data;
}

async function readRaw(source: ExportSource): Promise<unknown> {
  if (source.kind === 'file') {
    let text: string;
    try {
      text = await readFile(source.path, 'utf8');
    } catch (cause) {
      throw new SiteExportError(`Cannot read SITE_EXPORT_FILE ${source.path}: ${String(cause)}`, { cause });
    }
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new SiteExportError(`SITE_EXPORT_FILE ${source.path} is not valid JSON: ${String(cause)}`, { cause });
    }
  }
  let response: Response;
  try {
    const headers: Record<string, string> = { accept: 'application/json', ...(source.token ? { 'x-internal-token': source.token } : {}) };
    response = await fetch(source.url, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new SiteExportError(`Cannot fetch SITE_EXPORT_URL ${source.url}: ${String(cause)}`, { cause });
  }
  if (!response.ok) {
    throw new SiteExportError(`SITE_EXPORT_URL ${source.url} answered HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch (cause) {
    throw new SiteExportError(`SITE_EXPORT_URL ${source.url} did not return valid JSON: ${String(cause)}`, { cause });
  }
}

/** Names a source in error messages, e.g. `SITE_EXPORT_FILE site/fixtures/site-export.json`. */
export function describeSource(source: ExportSource): string {
  return source.kind === 'url' ? `SITE_EXPORT_URL ${source.url}` : `SITE_EXPORT_FILE ${source.path}`;
}

/** Reads and validates the snapshot from one source, every time it is called. */
export async function readSiteExport(source: ExportSource): Promise<SiteExport> {
  return parseSiteExport(await readRaw(source), describeSource(source));
}

// One snapshot per build: every page awaits the same promise. The cache lives in this module,
// which each build bundles and loads afresh, so a later build in the same process reads anew.
let pending: Promise<SiteExport> | undefined;

/**
 * The published content snapshot for this build, read once from `SITE_EXPORT_URL` or
 * `SITE_EXPORT_FILE` and validated. Rejects with {@link SiteExportError}, failing the build.
 */
export function loadSiteExport(): Promise<SiteExport> {
  pending ??= (async () => readSiteExport(resolveExportSource(readSiteEnv())))();
  return pending;
}
