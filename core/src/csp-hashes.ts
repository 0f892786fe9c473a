import { createHash } from 'node:crypto';

/** CSP hashes of a page's inline elements. */
export interface InlineHashes {
  scriptHashes: string[];
  styleHashes: string[];
}

/**
 * Finds the inline `<script>` and `<style>` elements of an HTML page and returns their CSP hashes (`'sha256-…'`),
 * each once. Scripts with `src` are not inline. The browser hashes the element text after normalising line breaks
 * to LF, so this does too. Used by the public server's pages and the CMS's draft preview.
 */
export function inlineHashes(html: string): InlineHashes {
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    scriptHashes.add(cspHash(body));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    styleHashes.add(cspHash(match[1] ?? ''));
  }
  return { scriptHashes: [...scriptHashes], styleHashes: [...styleHashes] };
}

function cspHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}
