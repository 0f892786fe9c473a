import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { cmsLoggerOptions } from './logging';

/** A pino logger with the CMS's options, writing its lines into an array. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ ...cmsLoggerOptions('info'), name: 'payload' }, stream), lines };
}

const client = { name: 'Мария Петровна Сидорова', email: 'maria.sidorova@example.ru', phone: '+7 912 345-67-89', text: 'Прошу пересчитать начисления за ноябрь' };
const personal = Object.values(client);

describe('the CMS log', () => {
  it('keeps a client’s name, e-mail, phone and appeal text out of every line, wherever a log call puts them', () => {
    const { logger, lines } = capture();
    logger.info(client, 'appeal at the top');
    logger.error({ data: client }, 'appeal as data');
    logger.warn({ err: { name: 'ValidationError', message: 'bad' }, appeal: client }, 'appeal beside an error');
    logger.error({ req: { body: client, headers: { cookie: 'payload-token=secret' } } }, 'request body');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      for (const value of [...personal, 'payload-token=secret']) expect(line).not.toContain(value);
    }
  });

  it('still writes one JSON object per line with the level, the message, ids and error names', () => {
    const { logger, lines } = capture();
    logger.warn({ err: { name: 'SqliteError' }, appealId: 42, data: client }, 'outbox dispatch failed');
    const record = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 40, name: 'payload', msg: 'outbox dispatch failed', appealId: 42, err: { name: 'SqliteError' }, data: { email: '[redacted]', name: '[redacted]' } });
  });
});
