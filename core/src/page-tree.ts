/**
 * The nesting rule of the service standards: no page deeper than four levels below the site root,
 * counted as URL path segments (`/fizlicam/tarify/arhiv/2025/` is 4).
 */
export const MAX_PAGE_DEPTH = 4;

/** A page as the tree sees it: its id, slug and parent id (null at the top). */
export interface PageNode {
  id: string | number;
  slug: string;
  parent: string | number | null;
}

/** Thrown for a page whose parent chain loops back to itself. */
export class PageCycleError extends Error {
  constructor() {
    super('Страницу нельзя вложить в саму себя или в одну из её подстраниц. Пожалуйста, выберите другой родительский раздел.');
    this.name = 'PageCycleError';
  }
}

/**
 * URL path segments of a page: its ancestors' slugs then its own. `byId` holds every page.
 * @throws PageCycleError when the parent chain loops.
 */
export function pageSegments(page: PageNode, byId: ReadonlyMap<string | number, PageNode>): string[] {
  const segments = [page.slug];
  const seen = new Set([String(page.id)]);
  let parent = page.parent;
  while (parent !== null && parent !== undefined) {
    if (seen.has(String(parent))) throw new PageCycleError();
    seen.add(String(parent));
    const node = byId.get(parent) ?? byId.get(String(parent)) ?? byId.get(Number(parent));
    if (!node) break;
    segments.unshift(node.slug);
    parent = node.parent;
  }
  return segments;
}

/** Site path of a page, e.g. `/fizlicam/dogovor/`. */
export function pagePath(page: PageNode, byId: ReadonlyMap<string | number, PageNode>): string {
  return `/${pageSegments(page, byId).join('/')}/`;
}

/** Levels below `id` in its subtree: 0 for a leaf, 1 when it has children only, and so on. */
export function subtreeHeight(id: string | number, pages: readonly PageNode[]): number {
  const children = pages.filter((page) => page.parent !== null && String(page.parent) === String(id));
  return children.reduce((max, child) => Math.max(max, 1 + subtreeHeight(child.id, pages)), 0);
}

/**
 * The polite Russian refusal for a page that would end deeper than {@link MAX_PAGE_DEPTH}, or null when it fits.
 * `segments` is the page's own path; `height` the depth of its subtree, so moving a section moves its pages too.
 */
export function pageDepthMessage(segments: readonly string[], height: number, max: number = MAX_PAGE_DEPTH): string | null {
  const deepest = segments.length + height;
  if (deepest <= max) return null;
  const path = `/${segments.join('/')}/`;
  const subject =
    height === 0
      ? `Страница с адресом ${path} оказалась бы на ${deepest}-м уровне вложенности.`
      : `Страница с адресом ${path} вместе с подстраницами заняла бы ${deepest} уровней вложенности.`;
  return `${subject} По стандарту обслуживания страницы сайта не должны быть вложены глубже ${max} уровней. Пожалуйста, выберите раздел выше или сократите вложенность подстраниц.`;
}
