/**
 * The CMS's log (Payload's pino logger, `logger` in payload.config.ts): one JSON object per line on stdout, which
 * `npm run serve` passes on. Personal data must never reach it. Our own code logs ids, counts and error names only;
 * as a second line of defence every field that holds a client's data — at the top of a log object, one level down
 * (`{ appeal: { email } }`, `{ data: { text } }`) or two levels down (`{ req: { body: { phone } } }`) — is replaced
 * by `[redacted]` before the line is written. `name` is redacted at the top of a log object and in the objects
 * that carry a person (`data.name`, `appeal.name`…), but an `err.name` is kept (error types are not personal data).
 * The top-level `name` is censored by the `log` formatter, which sees only the log call's object: a redaction path
 * would also censor pino's own logger name (`"name":"payload"`), which comes from the bindings.
 */

/** Fields of an appeal (core/src/appeal-submission.ts) and of a staff user that identify or describe a person. */
const PERSONAL_FIELDS = ['email', 'phone', 'postalAddress', 'accountNumber', 'text', 'meterSerial', 'details', 'answer', 'password', 'to', 'from', 'replyTo', 'subject', 'html'] as const;
/** Objects that carry a submission or a document whole. */
const CARRIERS = ['data', 'doc', 'body', 'appeal', 'submission', 'originalDoc', 'previousDoc', 'user', 'message', 'mail'] as const;

/** pino's `redact.paths` for the CMS logger. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((field) => `*.${field}`),
  ...PERSONAL_FIELDS.map((field) => `*.*.${field}`),
  ...CARRIERS.map((carrier) => `${carrier}.name`),
  ...CARRIERS.map((carrier) => `*.${carrier}.name`),
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
];

/** The `options` of Payload's `logger` config (pino's LoggerOptions). */
export function cmsLoggerOptions(level: string) {
  return {
    level,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
    formatters: {
      log: (object: Record<string, unknown>) => ('name' in object ? { ...object, name: '[redacted]' } : object),
    },
  };
}
