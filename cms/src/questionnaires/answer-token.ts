import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The answer token: one answer per browser per questionnaire without tracking. The CMS issues a random token bound
 * to one questionnaire and signed with the server secret (HMAC-SHA-256); the browser keeps it for that questionnaire
 * only and sends it with the answers. Only its SHA-256 is stored, with the answer, under a unique index, so a second
 * answer with the same token is refused and the token says nothing about who holds it (no cookie across pages, no
 * fingerprint, no IP kept).
 *
 * Format: `q1.<questionnaire id>.<nonce, base64url>.<signature, base64url>`.
 */
const VERSION = 'q1';

const sign = (secret: string, questionnaireId: string, nonce: string) =>
  createHmac('sha256', secret).update(`questionnaire-answer-token:${questionnaireId}:${nonce}`).digest('base64url');

/** A new token for the questionnaire. */
export function issueAnswerToken(secret: string, questionnaireId: string): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${VERSION}.${questionnaireId}.${nonce}.${sign(secret, questionnaireId, nonce)}`;
}

/** Whether the token was issued by us for this questionnaire. */
export function verifyAnswerToken(secret: string, questionnaireId: string, token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 4) return false;
  const [version, id, nonce, signature] = parts as [string, string, string, string];
  if (version !== VERSION || id !== questionnaireId || !/^[\w-]{16,64}$/.test(nonce)) return false;
  const expected = Buffer.from(sign(secret, questionnaireId, nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What is stored with the answer: the token's SHA-256 (hex). */
export function answerTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
