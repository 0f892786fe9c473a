import type { AstroIntegration } from 'astro';

/**
 * The deepest page allowed, counted in URL path segments below the site root
 * (`/fizlicam/tarify/arhiv/2025/` is 4). A project invariant from the service standards:
 * no page deeper than four levels.
 */
export const MAX_ROUTE_DEPTH = 4;

/** Name under which the integration is registered in `astro.config.mjs`. */
export const ROUTE_DEPTH_INTEGRATION_NAME = 'portal:route-depth';

/**
 * Number of path segments of a route below the site root.
 * Accepts `/a/b/`, `a/b`, `/a/b/index.html` alike; `/` and `''` are 0.
 */
export function routeDepth(pathname: string): number {
  const path = pathname.split(/[?#]/, 1)[0] ?? '';
  const segments = path.split('/').filter((segment) => segment !== '');
  // A file-format build reports `a/b/index.html` for the page `/a/b/`.
  if (segments.at(-1) === 'index.html') segments.pop();
  return segments.length;
}

/** Routes deeper than `max` segments, in the order given (empty when every route complies). */
export function findTooDeepRoutes(pathnames: Iterable<string>, max: number = MAX_ROUTE_DEPTH): string[] {
  const tooDeep: string[] = [];
  for (const pathname of pathnames) {
    if (routeDepth(pathname) > max) tooDeep.push(pathname);
  }
  return tooDeep;
}

/** Thrown when a route breaks the depth invariant; the message names every offending route. */
export class RouteDepthError extends Error {
  constructor(readonly routes: string[], readonly max: number) {
    super(
      `Route depth limit exceeded: ${routes.length === 1 ? 'route' : 'routes'} ` +
        `${routes.map((route) => `"${asUrlPath(route)}" (${routeDepth(route)} segments)`).join(', ')} ` +
        `${routes.length === 1 ? 'is' : 'are'} deeper than ${max} path segments below the site root. ` +
        'Shorten the URL (slugs of topics, pages and entries) so no page is nested more than four levels.',
    );
    this.name = 'RouteDepthError';
  }
}

/** Throws {@link RouteDepthError} if any of `pathnames` is deeper than `max` segments. */
export function assertRouteDepth(pathnames: Iterable<string>, max: number = MAX_ROUTE_DEPTH): void {
  const tooDeep = findTooDeepRoutes(pathnames, max);
  if (tooDeep.length > 0) throw new RouteDepthError(tooDeep, max);
}

function asUrlPath(pathname: string): string {
  const trimmed = pathname.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Fails the build when any page route is deeper than {@link MAX_ROUTE_DEPTH} segments.
 * Static route patterns are checked as soon as routes are resolved (fails early, before rendering);
 * the pages actually generated (which dynamic `getStaticPaths` routes only reveal at the end)
 * are checked when the build is done, so nothing too deep is reported as a successful build.
 */
export function routeDepthIntegration(max: number = MAX_ROUTE_DEPTH): AstroIntegration {
  return {
    name: ROUTE_DEPTH_INTEGRATION_NAME,
    hooks: {
      'astro:routes:resolved': ({ routes }) => {
        // Only patterns without rest parameters have a fixed depth; `[...x]` is checked on output.
        const fixed = routes
          .filter((route) => route.type === 'page' && !route.segments.some((s) => s.some((part) => part.spread)))
          .map((route) => route.pattern);
        assertRouteDepth(fixed, max);
      },
      'astro:build:done': ({ pages }) => {
        assertRouteDepth(
          pages.map((page) => page.pathname),
          max,
        );
      },
    },
  };
}
