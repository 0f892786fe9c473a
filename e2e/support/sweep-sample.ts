/**
 * Which sitemap pages the long sweeps (axe, sideways scrolling, the largest text) visit. Pages built from one
 * template with a different record each (every FAQ answer, news item, office…) are grouped by their route; each
 * group is visited on its first page and on one more chosen by the day, so a broken template still fails every run
 * while the sweep no longer opens all 70 FAQ answers. Every other page — fixed pages, and the editors' content pages,
 * whose bodies are free rich text — is the only one of its kind and is always visited. Pure: no I/O here.
 *
 * `E2E_SWEEP=all` visits every page; `E2E_SWEEP_DAY=2026-12-08` repeats the choice of that day.
 */

/** A route served by one template for many records: each path it matches belongs to the named group. */
export interface RepeatedTemplate {
  name: string;
  pattern: RegExp;
}

/**
 * The site's routes with one page per record (site/src/pages/**, paths from site/src/lib/urls.ts). Order matters
 * where routes nest: the news types' pages come before the news items'.
 */
export const REPEATED_TEMPLATES: readonly RepeatedTemplate[] = [
  { name: 'FAQ answer', pattern: /^\/faq\/[^/]+\/[^/]+\/$/ },
  { name: 'FAQ topic', pattern: /^\/faq\/[^/]+\/$/ },
  { name: 'news of one type', pattern: /^\/spravka\/novosti\/tip\/[^/]+\/$/ },
  { name: 'news item', pattern: /^\/spravka\/novosti\/[^/]+\/$/ },
  { name: 'office', pattern: /^\/spravka\/ofisy\/[^/]+\/$/ },
  { name: 'payment point', pattern: /^\/spravka\/punkty-oplaty\/[^/]+\/$/ },
  { name: 'tariff period', pattern: /^\/fizlicam\/tarify\/arhiv\/[^/]+\/$/ },
  { name: 'prices of a year', pattern: /^\/yurlicam\/ceny\/[^/]+\/$/ },
  { name: 'outages of a settlement', pattern: /^\/otklyucheniya\/[^/]+\/$/ },
  { name: 'questionnaire', pattern: /^\/obratnaya-svyaz\/anketa\/[^/]+\/$/ },
];

/** One group of pages: a repeated template's pages, or a page of its own (named after its path). */
export interface TemplateGroup {
  template: string;
  /** In sitemap order. */
  paths: string[];
}

/** Groups paths by template, in the order each group first appears; a path no repeated route matches is alone. */
export function groupByTemplate(paths: readonly string[], templates: readonly RepeatedTemplate[] = REPEATED_TEMPLATES): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const path of paths) {
    const template = templates.find((each) => each.pattern.test(path))?.name ?? path;
    const group = groups.get(template) ?? { template, paths: [] };
    if (!group.paths.includes(path)) group.paths.push(path);
    groups.set(template, group);
  }
  return [...groups.values()];
}

/** FNV-1a (32 bits): a small stable hash, so the same seed picks the same page on every machine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The pages to visit, in sitemap order: from each group its first page and, when it has more, one of the others
 * picked by a hash of `seed` and the template (so the pick changes from day to day and from sweep to sweep).
 */
export function samplePerTemplate(paths: readonly string[], seed: string, templates: readonly RepeatedTemplate[] = REPEATED_TEMPLATES): string[] {
  const chosen = new Set<string>();
  for (const group of groupByTemplate(paths, templates)) {
    const [first, ...rest] = group.paths;
    if (first !== undefined) chosen.add(first);
    if (rest.length > 0) chosen.add(rest[fnv1a(`${seed} ${group.template}`) % rest.length]!);
  }
  return paths.filter((path, index) => chosen.has(path) && paths.indexOf(path) === index);
}

/** What a sweep visits, read from the environment: every page with `E2E_SWEEP=all`, else the sample of the day. */
export interface SweepPlan {
  paths: string[];
  /** One line for the log, e.g. `axe sweep: 64 of 161 pages (every template; sample of 2026-12-08)`. */
  summary: string;
}

export function sweepPlan(sweep: string, paths: readonly string[], env: Record<string, string | undefined>, now: Date): SweepPlan {
  const unique = [...new Set(paths)];
  const templates = groupByTemplate(unique).length;
  if (env.E2E_SWEEP === 'all') return { paths: unique, summary: `${sweep}: all ${unique.length} pages (${templates} templates; E2E_SWEEP=all)` };
  const day = env.E2E_SWEEP_DAY ?? now.toISOString().slice(0, 10);
  const sample = samplePerTemplate(unique, `${day} ${sweep}`);
  return {
    paths: sample,
    summary: `${sweep}: ${sample.length} of ${unique.length} pages, every one of ${templates} templates (sample of ${day}: E2E_SWEEP_DAY=${day} repeats it, E2E_SWEEP=all visits every page)`,
  };
}
