import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createPublicApp, type PublicAppOptions } from './public-server';

/** Options of {@link startPublicServer}. */
export interface StartPublicServerOptions extends Omit<PublicAppOptions, 'siteDir'> {
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  /** Interface to listen on; loopback unless deliberately exposed. */
  host?: string;
  /** Current site build folder: a fixed path or a function asked on every request. */
  siteDir: string | (() => string);
  /** How long `close()` waits for requests in flight before cutting connections (default 10 s). */
  closeGraceMs?: number;
}

/** A running public server. */
export interface RunningPublicServer {
  /** Base URL, e.g. `http://127.0.0.1:4321`, with the real port. */
  url: string;
  /** Stops accepting connections, lets requests in flight finish (up to the grace period) and resolves when closed. */
  close(): Promise<void>;
}

/**
 * Starts the public server on Node's HTTP server with timeouts that keep slow or idle clients from
 * holding connections forever.
 */
export async function startPublicServer(options: StartPublicServerOptions): Promise<RunningPublicServer> {
  const { port, host = '127.0.0.1', siteDir, closeGraceMs = 10_000, ...appOptions } = options;
  const app = createPublicApp({
    ...appOptions,
    siteDir: typeof siteDir === 'function' ? siteDir : () => siteDir,
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      {
        fetch: app.fetch,
        port,
        hostname: host,
        // Leave the global Request/Response alone: this server may share a process with other code.
        overrideGlobalObjects: false,
        serverOptions: {
          // A whole request (a 6 MB upload included) must arrive within a minute; headers within 15 s.
          requestTimeout: 60_000,
          headersTimeout: 15_000,
          keepAliveTimeout: 5_000,
        },
      },
      () => resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
