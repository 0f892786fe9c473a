import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPayload } from '@payloadcms/next/withPayload';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our workspace packages ship TypeScript sources.
  transpilePackages: ['@portal/core', '@portal/search', '@portal/api', '@portal/content', '@portal/site'],
  serverExternalPackages: ['nodemailer', 'minisearch', 'meilisearch', '@orama/stemmers', 'yaml'],
  outputFileTracingRoot: path.resolve(dirname, '..'),
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks types once for the whole repo
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
