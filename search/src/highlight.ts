import { analyzeQuery, analyzeTokens, typoBudget, type AnalysisOptions, type AnalyzedToken } from './analysis';
import type { SearchDocument, SearchHit } from './contract';
import { statusLine } from './status-line';

/**
 * Highlighting of matched words, done by us on the original text so that both engines render
 * identical markup. Every character of the document goes through {@link escapeHtml}; the only
 * markup in the output is our own `<mark>` and `</mark>`.
 */

/** Roughly how long a snippet is, in characters (without the ellipses). */
export const SNIPPET_LENGTH = 200;

/** What a query looks for, in the form highlighting needs. */
export interface QueryTerms {
  /** Per query word, its alternatives (see `analyzeQuery`). */
  words: string[][];
  /** Whether the last word is matched as a prefix (search-as-you-type). */
  prefixLast: boolean;
}

/** Analyses a query for highlighting, with the same prefix rule as the engines. */
export function queryTermsOf(q: string, options: AnalysisOptions = {}): QueryTerms {
  return { words: analyzeQuery(q, options), prefixLast: true };
}

/** Escapes the five HTML-significant characters so text can go into element content or attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c as keyof typeof HTML_ESCAPES]);
}

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' } as const;

/**
 * Whether a word of a document matches the query: same stem or same synonym group, a typo within
 * the budget of the query term, or — for the last query word — a stem starting with it.
 */
export function tokenMatches(token: Pick<AnalyzedToken, 'stem' | 'synonymKeys'>, terms: QueryTerms): boolean {
  // One search renders up to 50 hits whose texts share most words: decide each word once.
  const key = token.synonymKeys.length === 0 ? token.stem : `${token.stem}|${token.synonymKeys.join('|')}`;
  let cache = matchCache.get(terms);
  if (!cache) {
    cache = new Map();
    matchCache.set(terms, cache);
  }
  let matches = cache.get(key);
  if (matches === undefined) {
    matches = computeTokenMatches(token, terms);
    cache.set(key, matches);
  }
  return matches;
}

const matchCache = new WeakMap<QueryTerms, Map<string, boolean>>();

function computeTokenMatches(token: Pick<AnalyzedToken, 'stem' | 'synonymKeys'>, terms: QueryTerms): boolean {
  return terms.words.some((alternatives, index) => {
    const [own, ...keys] = alternatives;
    if (own === undefined) return false;
    if (token.stem === own || token.synonymKeys.includes(own)) return true;
    if (keys.some((key) => token.stem === key || token.synonymKeys.includes(key))) return true;
    const isLast = index === terms.words.length - 1;
    if (isLast && terms.prefixLast && token.stem.startsWith(own)) return true;
    const budget = typoBudget(own);
    return budget > 0 && withinEditDistance(own, token.stem, budget);
  });
}

/** The whole text, escaped, with matched words marked. */
export function highlight(text: string, terms: QueryTerms, options: AnalysisOptions = {}): string {
  return render(text, matchedRanges(text, terms, options), 0, text.length);
}

/**
 * About {@link SNIPPET_LENGTH} characters of the text around its first match, cut at word
 * boundaries, escaped and marked; "…" shows where text was cut. Without a match, the beginning.
 */
export function snippet(text: string, terms: QueryTerms, options: AnalysisOptions = {}, length = SNIPPET_LENGTH): string {
  const ranges = matchedRanges(text, terms, options);
  if (text.length <= length) return render(text, ranges, 0, text.length);
  const firstMatch = ranges[0]?.start ?? 0;
  // Show a little context before the first match, but never start further than needed.
  let start = Math.max(0, Math.min(firstMatch - Math.floor(length / 4), text.length - length));
  let end = Math.min(text.length, start + length);
  start = start > 0 ? wordBoundaryAfter(text, start) : 0;
  end = end < text.length ? wordBoundaryBefore(text, end) : text.length;
  if (end <= start) end = Math.min(text.length, start + length);
  const body = render(text, ranges, start, end);
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** Turns an indexed entry into a hit with highlighted question and snippet, the same for both engines. */
export function renderHit(
  doc: Pick<SearchDocument, 'id' | 'type' | 'url' | 'question' | 'answerText' | 'topic' | 'topicTitle' | 'audience' | 'details'>,
  score: number,
  terms: QueryTerms,
  options: AnalysisOptions = {},
  clock: HitClock = {},
): SearchHit {
  const status = statusLine(doc.details, clock.now?.() ?? new Date(), clock.timeZone);
  return {
    id: doc.id,
    type: doc.type,
    url: doc.url,
    question: doc.question,
    topic: doc.topic,
    topicTitle: doc.topicTitle,
    audience: doc.audience,
    score,
    questionHtml: highlight(doc.question, terms, options),
    snippetHtml: snippet(doc.answerText, terms, options),
    ...(status !== undefined ? { status } : {}),
  };
}

/** The moment and time zone a hit's status line is worked out for (defaults: now, Europe/Moscow). */
export interface HitClock {
  now?: () => Date;
  timeZone?: string;
}

interface Range {
  start: number;
  end: number;
}

function matchedRanges(text: string, terms: QueryTerms, options: AnalysisOptions): Range[] {
  if (terms.words.length === 0) return [];
  return analyzeTokens(text, options)
    .filter((token) => tokenMatches(token, terms))
    .map(({ start, end }) => ({ start, end }));
}

function render(text: string, ranges: readonly Range[], from: number, to: number): string {
  let html = '';
  let cursor = from;
  for (const range of ranges) {
    if (range.end <= from || range.start >= to) continue;
    const start = Math.max(range.start, cursor);
    const end = Math.min(range.end, to);
    html += escapeHtml(text.slice(cursor, start));
    html += `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    cursor = end;
  }
  return html + escapeHtml(text.slice(cursor, to));
}

function wordBoundaryAfter(text: string, index: number): number {
  if (/\s/.test(text[index - 1] ?? ' ')) return index;
  const space = text.slice(index).search(/\s/);
  return space === -1 ? index : index + space + 1;
}

function wordBoundaryBefore(text: string, index: number): number {
  if (/\s/.test(text[index] ?? ' ')) return index;
  const space = text.slice(0, index).search(/\s\S*$/);
  return space <= 0 ? index : space;
}

// Two rows of the edit-distance table, reused: a search compares hundreds of words, and rows
// allocated per comparison kept the garbage collector busy.
let distanceRows: [Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32)];

/** Levenshtein distance of at most `max`, computed only as far as needed. */
function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (distanceRows[0].length <= b.length) distanceRows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, current] = distanceRows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length]! <= max;
}
