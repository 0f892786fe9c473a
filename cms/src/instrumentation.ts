/**
 * Next.js calls register() once when the server starts: initialise Payload right away so migrations, the seed,
 * the search index and the job runner are ready before the first request rather than during it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getPayload } = await import('payload');
  const { default: config } = await import('./payload.config');
  await getPayload({ config });
}
