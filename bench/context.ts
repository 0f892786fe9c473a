import type { RunningStack } from '../scripts/lib/stack';

/** What every benchmark module gets: a running embedded stack on free ports with fresh demo data. */
export interface BenchContext {
  stack: RunningStack;
  /** The stack's data folder (database, site builds, mail). */
  varDir: string;
  /** Progress line for the person watching. */
  log(message: string): void;
}

/**
 * A benchmark: measures one thing against the stack and returns its figures (numbers, or summaries from
 * `summarize`). Add a module in bench/modules/ and list it in bench/run.ts.
 */
export type BenchRun = (ctx: BenchContext) => Promise<Record<string, unknown>>;
