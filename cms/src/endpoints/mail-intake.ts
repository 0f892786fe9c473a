import crypto from 'node:crypto';
import type { Endpoint } from 'payload';
import { readCmsEnv } from '../env';
import { registerIncomingEmail } from '../appeals/intake/email-intake';
import { asRequest } from './payload-request';

/** Largest letter accepted from the sink (its own SMTP limit is 25 MB). */
const MAX_LETTER_BYTES = 26 * 1024 * 1024;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/**
 * `POST /api/mail-intake`: the embedded mail sink hands over a letter (raw RFC 822 in the body, SMTP
 * recipients in `X-Envelope-To`). Internal only: the public server never forwards it, and it needs the
 * shared `MAIL_INTAKE_TOKEN` (off when none is configured). It answers 2xx only after the appeal is stored,
 * and the sink gives its SMTP 250 only then — so a letter is either registered or retried, never lost.
 */
export const mailIntakeEndpoint: Endpoint = {
  path: '/mail-intake',
  method: 'post',
  handler: async (req) => {
    const token = readCmsEnv().MAIL_INTAKE_TOKEN;
    const given = req.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!token || !sameSecret(given, token)) return Response.json({ message: 'Forbidden' }, { status: 403 });
    const raw = Buffer.from(await asRequest(req).arrayBuffer());
    if (raw.byteLength === 0 || raw.byteLength > MAX_LETTER_BYTES) return Response.json({ message: 'Bad letter size' }, { status: 413 });
    const recipients = (req.headers.get('x-envelope-to') ?? '').split(',').map((address) => address.trim()).filter(Boolean);
    try {
      const result = await registerIncomingEmail(req.payload, raw, recipients);
      return Response.json(
        result.kind === 'registered' ? { registered: true, registrationNumber: result.registration.registrationNumber } : { registered: false, reason: result.reason },
        { status: result.kind === 'registered' ? 201 : 200 },
      );
    } catch (error) {
      req.payload.logger.error({ err: error instanceof Error ? error.name : typeof error }, 'mail intake failed; the sink will retry');
      return Response.json({ message: 'Temporary failure' }, { status: 503 });
    }
  },
};
