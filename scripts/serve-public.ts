/** The public origin of the embedded stack: the built site plus the forwarded form and search endpoints. */
import fs from 'node:fs';
import { startPublicServer } from '@portal/public-server/public-server-main';

const current = process.env.SITE_CURRENT ?? 'var/site/current';
const server = await startPublicServer({
  port: Number(process.env.PUBLIC_PORT ?? 3000),
  host: process.env.PUBLIC_HOST ?? '127.0.0.1',
  // Resolved per request: a rebuild swaps the symlink and the next request serves the new site.
  siteDir: () => fs.realpathSync(current),
  cmsOrigin: process.env.CMS_ORIGIN ?? 'http://127.0.0.1:3001',
  // `off` for load tests on loopback only (bench, soak): every request comes from one address there.
  ...(process.env.FORM_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
});
process.stdout.write(`public server: ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
