/**
 * The benchmarks' environment, validated in one place when `npm run bench` starts: a bad value stops it with a
 * message naming the variable instead of a run with NaN submissions.
 */
import { z } from 'zod';
import { exitOnEnvError, parseEnv, type EnvSource } from '@portal/core/env-config';

const count = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
      if (Number.isSafeInteger(value) && value > 0) return value;
      ctx.addIssue({ code: 'custom', message: 'expected a whole number above 0' });
      return z.NEVER;
    });

const BenchEnvSchema = z.object({
  /** Only these modules, comma-separated (skips the admin build timing). */
  BENCH_ONLY: z.string().optional(),
  /** `off` skips timing the admin build. */
  BENCH_ADMIN_BUILD: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  /** Generated pages for the publish-latency benchmark. */
  BENCH_LARGE_SITE: count(2000),
  /** Questions sent by the confirmation-latency benchmark. */
  BENCH_CONFIRMATIONS: count(1000),
  /** Questions sent by the forms-throughput benchmark. */
  BENCH_FORMS_TOTAL: count(2000),
  /** The Chromium Lighthouse drives. */
  CHROME_PATH: z.string().default('/usr/bin/chromium'),
});
export type BenchConfig = z.output<typeof BenchEnvSchema>;

/** Reads and validates the benchmarks' environment; throws naming every bad variable. */
export function readBenchConfig(source: EnvSource): BenchConfig {
  return parseEnv(BenchEnvSchema, source, { title: 'Invalid benchmark environment' });
}

/** This process's benchmark settings, read once when the first module imports them. */
export const benchConfig: BenchConfig = exitOnEnvError(() => readBenchConfig(process.env));
