import { describe, expect, it } from 'vitest';
import { answerTokenHash, issueAnswerToken, verifyAnswerToken } from './answer-token';

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('questionnaire answer token', () => {
  it('verifies for the questionnaire it was issued for, with the same secret', () => {
    const token = issueAnswerToken(SECRET, '7');
    expect(verifyAnswerToken(SECRET, '7', token)).toBe(true);
  });

  it('is refused for another questionnaire, with another secret, and when any part is changed', () => {
    const token = issueAnswerToken(SECRET, '7');
    expect(verifyAnswerToken(SECRET, '8', token)).toBe(false);
    expect(verifyAnswerToken(`${SECRET}-other`, '7', token)).toBe(false);
    const [version, id, nonce, signature] = token.split('.') as [string, string, string, string];
    // Moving the token to questionnaire 8 by rewriting its id breaks the signature.
    expect(verifyAnswerToken(SECRET, '8', [version, '8', nonce, signature].join('.'))).toBe(false);
    const flipped = nonce.startsWith('A') ? `B${nonce.slice(1)}` : `A${nonce.slice(1)}`;
    expect(verifyAnswerToken(SECRET, '7', [version, id, flipped, signature].join('.'))).toBe(false);
    expect(verifyAnswerToken(SECRET, '7', 'q1.7.short.sig')).toBe(false);
    expect(verifyAnswerToken(SECRET, '7', '')).toBe(false);
  });

  it('is random per issue, and only its SHA-256 is stored', () => {
    const first = issueAnswerToken(SECRET, '7');
    expect(issueAnswerToken(SECRET, '7')).not.toBe(first);
    expect(answerTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
