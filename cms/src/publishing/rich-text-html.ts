import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html';

/** Rich text (Lexical JSON) as safe HTML; empty for an empty field. */
export function richTextToHtml(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return withoutStyleAttributes(convertLexicalToHTML({ data: value as Parameters<typeof convertLexicalToHTML>[0]['data'], disableContainer: true }));
}

/**
 * Drops `style` attributes (and empty `class` ones) from the converter's tags. The site's Content-Security-Policy
 * blocks inline styles, and browsers report every blocked attribute — even the empty `style=""` Lexical puts on
 * list items — so the published HTML carries none; the site's stylesheet does the formatting. Text is already
 * escaped by the converter, so every `<` here opens a real tag.
 */
export function withoutStyleAttributes(html: string): string {
  return html.replace(/<[a-z][a-z0-9]*\b[^<>]*>/gi, (tag) => tag.replace(/\s+style="[^"]*"/gi, '').replace(/\s+class=""/gi, ''));
}
