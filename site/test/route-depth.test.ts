import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import fixture from '../fixtures/site-export.json';
import {
  MAX_ROUTE_DEPTH,
  RouteDepthError,
  assertRouteDepth,
  findTooDeepRoutes,
  routeDepth,
  routeDepthIntegration,
} from '../src/integrations/route-depth';
import { groupFaqByTopic } from '../src/lib/faq-catalog';
import { faqEntryPath, topicPath } from '../src/lib/urls';
import { parseSiteExport } from '../src/lib/export';

/** Every page path the site builds from the fixture, as the pages derive them. */
function fixtureRoutes(): string[] {
  const data = parseSiteExport(fixture, 'fixture');
  const routes = ['/', '/faq/', '/search/', '/vopros/', '/privacy/', '/404/'];
  for (const { topic, entries } of groupFaqByTopic(data)) {
    routes.push(topicPath(topic.slug));
    for (const entry of entries) routes.push(faqEntryPath(topic.slug, entry.slug));
  }
  return routes;
}

type Hooks = AstroIntegration['hooks'];
type BuildDoneArgs = Parameters<NonNullable<Hooks['astro:build:done']>>[0];
type RoutesResolvedArgs = Parameters<NonNullable<Hooks['astro:routes:resolved']>>[0];

describe('routeDepth', () => {
  it('counts path segments below the root in every spelling Astro reports', () => {
    expect(routeDepth('/')).toBe(0);
    expect(routeDepth('')).toBe(0);
    expect(routeDepth('/faq/')).toBe(1);
    expect(routeDepth('faq/oplata/sposoby-oplaty/')).toBe(3);
    expect(routeDepth('/fizlicam/tarify/arhiv/2025')).toBe(4);
    expect(routeDepth('/a/b/c/d/index.html')).toBe(4);
    expect(routeDepth('/a/b/c/d/e/?x=1#top')).toBe(5);
  });
});

describe('findTooDeepRoutes / assertRouteDepth', () => {
  it('accepts every route the fixture produces (the deepest is /faq/<topic>/<slug>/, 3 segments)', () => {
    const routes = fixtureRoutes();
    expect(routes.length).toBeGreaterThan(20);
    expect(findTooDeepRoutes(routes)).toEqual([]);
    expect(() => assertRouteDepth(routes)).not.toThrow();
  });

  it('accepts 4 segments and rejects 5, naming the offending route', () => {
    expect(MAX_ROUTE_DEPTH).toBe(4);
    const routes = [...fixtureRoutes(), '/a/b/c/d/', '/fizlicam/tarify/arhiv/2025/yanvar/'];
    expect(findTooDeepRoutes(routes)).toEqual(['/fizlicam/tarify/arhiv/2025/yanvar/']);
    expect(() => assertRouteDepth(routes)).toThrow(RouteDepthError);
    expect(() => assertRouteDepth(routes)).toThrow(/"\/fizlicam\/tarify\/arhiv\/2025\/yanvar\/" \(5 segments\)/);
  });
});

describe('routeDepthIntegration', () => {
  const integration = routeDepthIntegration();
  const buildDone = integration.hooks['astro:build:done'];
  const routesResolved = integration.hooks['astro:routes:resolved'];

  function buildDoneArgs(pathnames: string[]): BuildDoneArgs {
    return {
      pages: pathnames.map((pathname) => ({ pathname })),
      dir: new URL('file:///tmp/out/'),
      assets: new Map(),
      logger: undefined as never,
    };
  }

  function resolvedRoute(pattern: string, spread = false) {
    const parts = pattern.split('/').filter(Boolean);
    return {
      pattern,
      type: 'page',
      segments: parts.map((part) => [{ content: part, dynamic: part.startsWith('['), spread: spread && part.startsWith('[...') }]),
    };
  }

  it('fails the build when a generated page is deeper than four segments', async () => {
    expect(buildDone).toBeTypeOf('function');
    // Astro reports generated pages without a leading slash.
    const pages = ['', 'faq/', 'faq/oplata/sposoby-oplaty/', 'uslugi/fizlicam/tarify/arhiv/2025/'];
    await expect(Promise.resolve().then(() => buildDone?.(buildDoneArgs(pages)))).rejects.toThrow(/uslugi\/fizlicam\/tarify\/arhiv\/2025/);
    await expect(Promise.resolve().then(() => buildDone?.(buildDoneArgs(pages.slice(0, 3))))).resolves.toBeUndefined();
  });

  it('fails early on a static route pattern deeper than four segments, but leaves rest parameters to the output check', async () => {
    expect(routesResolved).toBeTypeOf('function');
    const ok = [resolvedRoute('/faq/[topic]/[slug]'), resolvedRoute('/docs/[...path]', true)];
    const tooDeep = [...ok, resolvedRoute('/a/b/c/d/[e]')];
    const args = (routes: unknown[]) => ({ routes, logger: undefined as never }) as unknown as RoutesResolvedArgs;
    await expect(Promise.resolve().then(() => routesResolved?.(args(ok)))).resolves.toBeUndefined();
    await expect(Promise.resolve().then(() => routesResolved?.(args(tooDeep)))).rejects.toThrow(/"\/a\/b\/c\/d\/\[e\]\/" \(5 segments\)/);
  });
});
