import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPayload } from '@payloadcms/next/withPayload';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * The admin's Content-Security-Policy: as strict as Payload's admin allows without a per-request nonce (which would
 * need a middleware). Next's App Router streams its data in inline `<script>` elements and Payload's UI sets inline
 * styles, so both keep 'unsafe-inline'; everything else comes from this origin only (images also as data: and
 * blob: for upload previews), nothing from outside, no plugins, no framing by anyone. Development adds
 * 'unsafe-eval' for Next's hot reloading only.
 */
const ADMIN_CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never pages: nothing may run or load in them even when opened directly. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Every CMS response (issue 15): the admin, the REST API and our endpoints. Each answer gets one CSP below. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our workspace packages ship TypeScript sources.
  transpilePackages: ['@portal/core', '@portal/search', '@portal/api', '@portal/content', '@portal/site'],
  serverExternalPackages: ['nodemailer', 'minisearch', 'meilisearch', '@orama/stemmers', 'yaml'],
  outputFileTracingRoot: path.resolve(dirname, '..'),
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks types once for the whole repo
  // A header set here replaces the same header of a route's own answer, so each CSP covers only its paths.
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/:path((?!api/).*)', headers: [{ key: 'Content-Security-Policy', value: ADMIN_CSP }] },
      // Staff data (appeals, accounts, attachments, the audit log, reports) is answered under /api/: no cache
      // keeps it. The FAQ preview sets its own CSP (the site's template, cms/src/publishing/preview.ts).
      {
        source: '/api/:path((?!preview/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: API_CSP },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
      { source: '/api/preview/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ];
  },
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
