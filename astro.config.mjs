// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { routeDepthIntegration } from './site/src/integrations/route-depth';
import { readSiteEnv } from './site/src/lib/site-env';

// The public site: static HTML built from the CMS's published snapshot (see site/src/lib/export.ts).
// SITE_OUT_DIR lets the rebuild job write into a fresh folder and swap it in atomically.
const root = fileURLToPath(new URL('.', import.meta.url));
const env = readSiteEnv();

export default defineConfig({
  root,
  srcDir: './site/src',
  publicDir: './site/public',
  outDir: env.SITE_OUT_DIR,
  site: env.SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cacheable stylesheet instead of inline <style>: keeps pages small and a strict CSP possible.
    inlineStylesheets: 'never',
  },
  integrations: [react(), routeDepthIntegration()],
  vite: {
    // Astro bundles the framework packages it finds in the root package.json; ours are declared in
    // site/package.json (npm workspaces), so the renderer is named here. Without it Node is asked to
    // import the virtual module `astro:react:opts` while prerendering and the build fails.
    environments: {
      ssr: { resolve: { noExternal: ['@astrojs/react'] } },
      prerender: { resolve: { noExternal: ['@astrojs/react'] } },
    },
  },
});
