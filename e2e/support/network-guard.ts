import type { BrowserContext } from 'playwright-core';

/** Hosts a journey may reach: the stack under test runs on loopback only. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The requests a context tried to send off the machine, in the order they were made (each was aborted). */
export interface NetworkGuard {
  readonly blocked: readonly string[];
}

/**
 * Aborts every request of the context that would leave the machine and records it, so a journey can fail on any
 * attempt (the admin must load nothing from the internet: no CDN editor, fonts or avatars). Local addresses and
 * in-page data (`data:`, `blob:`) pass untouched.
 */
export async function blockExternalRequests(context: BrowserContext): Promise<NetworkGuard> {
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return route.continue();
    blocked.push(`${route.request().method()} ${url.href}`);
    return route.abort('blockedbyclient');
  });
  return { blocked };
}
