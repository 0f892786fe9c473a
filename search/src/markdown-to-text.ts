/**
 * Turns Markdown into plain text for indexing and snippets: keeps the words, drops the syntax.
 * Deliberately simple (no full parser): FAQ answers use headings, lists, emphasis, links and the
 * occasional table; anything unusual degrades to slightly noisy text, never to lost words.
 * HTML tags are removed, so markup in an answer never reaches a snippet (which is escaped anyway).
 */
export function markdownToText(markdown: string): string {
  return restoreEscapes(
    hideEscapes(markdown.replace(/\r\n?/g, '\n'))
      // Fenced code: keep the code, drop the fences.
      .replace(/^\s*(```|~~~).*$/gm, '')
      // Images and links: keep the visible text.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/^\s*\[[^\]]+\]:\s+\S+.*$/gm, '')
      // Autolinks and HTML tags.
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      // Block markers at line starts: headings, quotes, list bullets and numbers, rules.
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/\s+#+\s*$/gm, '')
      .replace(/^\s*>\s?/gm, '')
      .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '')
      .replace(/^\s*([-*_]\s*){3,}$/gm, '')
      // Tables: drop separator rows, turn cell borders into spaces.
      .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$/gm, '')
      .replace(/\|/g, ' ')
      // Emphasis, strike-through and inline code markers.
      .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=[^\p{L}\p{N}]|$)/gu, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n{2,}/g, '\n')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n'),
  );
}

/** Characters a backslash escapes in Markdown. */
const ESCAPABLE = '\\`*_{}[]()#+-.!|>';
/** Private-use code points stand for escaped characters while the syntax is removed, so `\*` is never emphasis. */
const HIDDEN_BASE = 0xe000;

function hideEscapes(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, (_, char: string) => String.fromCharCode(HIDDEN_BASE + ESCAPABLE.indexOf(char)));
}

function restoreEscapes(text: string): string {
  return text.replace(/[\ue000-\ue010]/g, (hidden) => ESCAPABLE.charAt(hidden.charCodeAt(0) - HIDDEN_BASE));
}
