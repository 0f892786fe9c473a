import { describe, expect, it } from 'vitest';
import { inlineHashes } from './csp-hashes';

// Expected hashes computed independently: printf '<text>' | openssl dgst -sha256 -binary | base64
const ALERT_HASH = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
const A_LF_B_HASH = "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='";
const ISLAND_STYLE_HASH = "'sha256-NHlh9F/aC2wjFUNnvlwAAscEyJ8tZpqm7bCeb+ZUZog='";

describe('inlineHashes', () => {
  it('hashes inline scripts and styles but not external scripts', () => {
    const html = [
      '<html><head><style>astro-island{display:contents}</style>',
      '<script type="module" src="/_astro/page.js"></script>',
      '<script>alert(1)</script></head><body></body></html>',
    ].join('');
    expect(inlineHashes(html)).toEqual({ scriptHashes: [ALERT_HASH], styleHashes: [ISLAND_STYLE_HASH] });
  });

  it('hashes the text as the browser sees it, with CRLF normalised to LF', () => {
    expect(inlineHashes('<script>a\r\nb</script>').scriptHashes).toEqual([A_LF_B_HASH]);
  });

  it('reads past a JSON data block (the office hours) to the scripts after it; the block itself never runs', () => {
    const html = '<script type="application/json" data-office-hours>{"note":"\\u003c/script>"}</script><script>alert(1)</script>';
    const { scriptHashes } = inlineHashes(html);
    expect(scriptHashes).toContain(ALERT_HASH);
    expect(scriptHashes).toHaveLength(2);
  });

  it('lists a repeated element once', () => {
    expect(inlineHashes('<SCRIPT>alert(1)</SCRIPT><script>alert(1)</script >').scriptHashes).toEqual([ALERT_HASH]);
  });
});
