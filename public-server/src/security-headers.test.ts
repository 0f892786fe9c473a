import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, contentSecurityPolicy } from './security-headers';

// Expected hashes computed independently: printf '<text>' | openssl dgst -sha256 -binary | base64
const ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
const ISLAND_STYLE_HASH = "'sha256-NHlh9F/aC2wjFUNnvlwAAscEyJ8tZpqm7bCeb+ZUZog='";

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...rest] = part.trim().split(/\s+/);
      return [name, rest.join(' ')] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows only same-origin scripts and styles and forbids framing, plugins and foreign forms', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('img-src')).toBe("'self' data:");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'self'");
    expect(policy.get('base-uri')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(contentSecurityPolicy()).not.toContain('unsafe');
  });

  it('adds the given inline hashes to script-src and style-src', () => {
    const policy = directives(contentSecurityPolicy({ scriptHashes: [ALERT_HASH], styleHashes: [ISLAND_STYLE_HASH] }));
    expect(policy.get('script-src')).toBe(`'self' ${ALERT_HASH}`);
    expect(policy.get('style-src')).toBe(`'self' ${ISLAND_STYLE_HASH}`);
  });
});

describe('applySecurityHeaders', () => {
  it('sets nosniff, referrer and permissions policies and a default CSP', () => {
    const headers = new Headers();
    applySecurityHeaders(headers, { overTls: false });
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Permissions-Policy')).toContain('camera=()');
    expect(headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy());
    expect(headers.has('Strict-Transport-Security')).toBe(false);
  });

  it('keeps a page-specific CSP and adds HSTS only over TLS', () => {
    const headers = new Headers({ 'Content-Security-Policy': 'default-src none' });
    applySecurityHeaders(headers, { overTls: true });
    expect(headers.get('Content-Security-Policy')).toBe('default-src none');
    expect(headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d+/);
  });
});
