/** The public origin of the embedded stack: the built site plus the forwarded form and search endpoints. */
import fs from 'node:fs';
import { exitOnEnvError } from '@portal/core/env-config';
import { readPublicServerConfig } from '@portal/public-server/public-server-config';
import { startPublicServer } from '@portal/public-server/public-server-main';

const config = exitOnEnvError(() => readPublicServerConfig(process.env));
const server = await startPublicServer({
  port: config.port,
  host: config.host,
  // Resolved per request: a rebuild swaps the symlink and the next request serves the new site.
  siteDir: () => fs.realpathSync(config.siteCurrent),
  cmsOrigin: config.cmsOrigin,
  ...(config.rateLimit ? {} : { rateLimit: false as const }),
  // Behind nginx every visitor arrives from 127.0.0.1: the limits then count the address nginx forwards.
  trustProxy: config.trustProxy,
  searchEventRateLimit: { limit: config.searchEventsPerHour, windowMs: 60 * 60_000 },
});
process.stdout.write(`public server: ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
