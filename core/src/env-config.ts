import { z } from 'zod';

/**
 * The building blocks of every process's config module (CMS, public server, mail sink, scripts, site build):
 * each process validates its environment once, at start, into a typed object, and a bad value stops it with a
 * message that names the variable, e.g. `PUBLIC_PORT: expected a port number 1–65535, got "abc"`.
 */

/** The environment as Node gives it, or a plain object in tests. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A bad environment: one line per problem, each naming its variable. */
export class EnvConfigError extends Error {
  override name = 'EnvConfigError';
  constructor(
    title: string,
    /** `NAME: problem` per bad variable. */
    readonly problems: readonly string[],
  ) {
    super(`${title}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
}

/**
 * A number read from an optional variable: unset or blank means `fallback`; otherwise `read` turns the trimmed
 * text into the value, or into `undefined` when it is not acceptable, which is reported as `message`.
 */
function numberVariable(fallback: number, read: (text: string) => number | undefined, message: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw?.trim() ?? '';
      if (text === '') return fallback;
      const value = read(text);
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });
}

/** A TCP port, 1–65535; unset or empty means `fallback`. */
export function portVariable(fallback: number) {
  return numberVariable(
    fallback,
    (text) => {
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isInteger(value) && value >= 1 && value <= 65_535 ? value : undefined;
    },
    'expected a port number 1–65535',
  );
}

/** An http(s) origin such as `http://127.0.0.1:3001` (no path, query or fragment). */
export function originVariable() {
  return z.string().transform((raw, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(raw.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
      ctx.addIssue({ code: 'custom', message: 'expected an http(s) origin such as http://127.0.0.1:3001' });
      return z.NEVER;
    }
    return url.origin;
  });
}

/** A positive number (minutes, requests per second); unset or empty means `fallback`. */
export function positiveNumberVariable(fallback: number) {
  return numberVariable(
    fallback,
    (text) => {
      const value = Number(text);
      return Number.isFinite(value) && value > 0 ? value : undefined;
    },
    'expected a positive number',
  );
}

/** `1` turns a switch on; unset, empty or `0` leaves it off. */
export function flagVariable() {
  return z.enum(['', '0', '1'], { error: 'expected 1 or 0' }).optional().transform((value) => value === '1');
}

/** Options of {@link parseEnv}. */
export interface ParseEnvOptions {
  /** First line of the error, e.g. `Invalid public server environment`. */
  title: string;
  /** Variables whose values must never be echoed in the error (secrets, URLs with credentials). */
  secrets?: readonly string[];
}

/**
 * Validates `source` with `schema`; an empty value counts as unset. Bad input throws {@link EnvConfigError} listing every problem as
 * `NAME: problem, got "value"` (the value is left out for secrets). zod's own messages are English here
 * whatever locale the process sets for its visitors: these are read by operators, next to English logs.
 */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, source: EnvSource, options: ParseEnvOptions): z.output<Schema> {
  // `NAME=` in a shell or an env file means «not set», as it does for most tools.
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(given, { error: z.locales.en().localeError });
  if (parsed.success) return parsed.data;
  const secrets = new Set(options.secrets ?? []);
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.map(String).join('.');
    const raw = name ? source[name] : undefined;
    const shown = raw === undefined || secrets.has(name) ? '' : `, got ${JSON.stringify(raw)}`;
    return `${name || '(environment)'}: ${issue.message}${shown}`;
  });
  throw new EnvConfigError(options.title, problems);
}

/** For a process's entry point: the error's message alone on stderr and exit code 2, no stack trace. */
export function exitOnEnvError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof EnvConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
