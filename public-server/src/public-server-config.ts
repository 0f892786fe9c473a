import { z } from 'zod';
import { originVariable, parseEnv, portVariable, positiveNumberVariable, type EnvSource } from '@portal/core/env-config';

/** The public server's environment (scripts/serve-public.ts reads it once, at start). */
const PublicServerEnvSchema = z.object({
  /** Port of the public origin (default 3000). */
  PUBLIC_PORT: portVariable(3000),
  /** Interface to listen on; loopback unless deliberately exposed. */
  PUBLIC_HOST: z.string().trim().min(1, 'expected a host name or address').default('127.0.0.1'),
  /** The symlink to the current site build; resolved per request, so a rebuild's swap takes effect at once. */
  SITE_CURRENT: z.string().trim().min(1, 'expected a path').default('var/site/current'),
  /** Where the form and search endpoints are forwarded: the CMS's origin. */
  CMS_ORIGIN: originVariable().default('http://127.0.0.1:3001'),
  /** `off` for load tests on loopback only (bench, soak): every request comes from one address there. */
  FORM_RATE_LIMIT: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  /**
   * `on` behind a reverse proxy on this machine (nginx): the client address for the rate limits is the last
   * `X-Forwarded-For` entry, which the proxy appends. Never `on` when clients reach the server directly.
   */
  PUBLIC_TRUST_PROXY: z.enum(['on', 'off'], { error: 'expected on or off' }).default('off'),
  /** Search statistics events (result pages and the island's beacons) counted per client address an hour. */
  SEARCH_EVENTS_PER_HOUR: positiveNumberVariable(60),
});

/** The validated settings of the public server. */
export interface PublicServerConfig {
  port: number;
  host: string;
  siteCurrent: string;
  cmsOrigin: string;
  rateLimit: boolean;
  searchEventsPerHour: number;
  trustProxy: boolean;
}

/** Reads and validates the public server's environment; throws naming every bad variable. */
export function readPublicServerConfig(source: EnvSource): PublicServerConfig {
  const env = parseEnv(PublicServerEnvSchema, source, { title: 'Invalid public server environment' });
  return { port: env.PUBLIC_PORT, host: env.PUBLIC_HOST, siteCurrent: env.SITE_CURRENT, cmsOrigin: env.CMS_ORIGIN, rateLimit: env.FORM_RATE_LIMIT === 'on', searchEventsPerHour: Math.floor(env.SEARCH_EVENTS_PER_HOUR), trustProxy: env.PUBLIC_TRUST_PROXY === 'on' };
}
