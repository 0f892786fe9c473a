import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, senderVerdict } from './authentication-results';

describe('parseAuthenticationResults (RFC 8601)', () => {
  it('reads the authserv-id and the method=result pairs of the RFC examples', () => {
    // RFC 8601, appendix B.2 and B.4.
    expect(parseAuthenticationResults('example.org 1; none')).toEqual({ authservId: 'example.org', results: [] });
    expect(parseAuthenticationResults('example.com;\r\n  auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n  spf=pass smtp.mailfrom=example.net')).toEqual({
      authservId: 'example.com',
      results: [
        { method: 'auth', result: 'pass' },
        { method: 'spf', result: 'pass' },
      ],
    });
  });

  it('ignores comments, even ones holding a semicolon or a verdict, and method versions', () => {
    expect(parseAuthenticationResults('(mx (inner)) MX.Example.RU; spf/1 = pass (pretend ;dmarc=fail) smtp.mailfrom=a.ru')).toEqual({
      authservId: 'mx.example.ru',
      results: [{ method: 'spf', result: 'pass' }],
    });
  });

  it('has no result without an authserv-id', () => {
    expect(parseAuthenticationResults('  ; spf=fail')).toBeUndefined();
  });
});

describe('senderVerdict', () => {
  const ours = ['mx.energo.example'];

  it('a dmarc or spf failure in our own header is a failure', () => {
    expect(senderVerdict(['mx.energo.example; spf=pass; dmarc=fail header.from=bank.example'], ours)).toEqual({ kind: 'failed', method: 'dmarc' });
    expect(senderVerdict(['mx.energo.example; spf=fail smtp.mailfrom=bank.example'], ours)).toEqual({ kind: 'failed', method: 'spf' });
  });

  it('softfail, none and errors are not failures', () => {
    expect(senderVerdict(['mx.energo.example; spf=softfail; dmarc=none; dkim=temperror'], ours)).toEqual({ kind: 'not-failed' });
  });

  it('only the topmost header of our server counts: one the sender wrote below it, or another server’s, does not', () => {
    // The sender added a «pass» header with our id; our server's header (on top) says fail.
    expect(senderVerdict(['mx.energo.example; dmarc=fail', 'mx.energo.example; dmarc=pass'], ours)).toEqual({ kind: 'failed', method: 'dmarc' });
    // Another server's failure is not our verdict.
    expect(senderVerdict(['relay.other.example; dmarc=fail', 'mx.energo.example; dmarc=pass'], ours)).toEqual({ kind: 'not-failed' });
    expect(senderVerdict(['relay.other.example; spf=fail'], ours)).toEqual({ kind: 'not-failed' });
    expect(senderVerdict([], ours)).toEqual({ kind: 'not-failed' });
  });
});
