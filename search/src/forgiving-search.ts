import SearchableMap from 'minisearch/SearchableMap';
import { analyzeTokens, typoBudget, type AnalysisOptions, type AnalyzedToken } from './analysis';
import type { EffectiveSearchQuery, SearchHit, SearchResult } from './contract';
import { alternativeReadings, hasLatinLetters } from './query-readings';

/**
 * What both engines share above their own matching: trying a query's other readings (wrong keyboard
 * layout, Latin letters) and offering a close correction («Возможно, вы имели в виду …»). Engines give
 * one function that searches one text with the honest matching strategy (every meaningful word must
 * match; the least important words are left out only when nothing matches them all) and a lexicon of
 * the words they indexed; the decisions here are the same whichever engine runs.
 */

/** One search of one text, as an engine's matching strategy found it. */
export interface MatchAttempt {
  hits: SearchHit[];
  /** Entries matching every word that was kept. */
  total: number;
  /** Meaningful words of the text. */
  words: number;
  /** Words left out because no entry matched them all. */
  dropped: number;
}

/** How an engine searches one text with the query's filters and limit. */
export type MatchText = (text: string, query: EffectiveSearchQuery) => Promise<MatchAttempt>;

/** Fewer hits than this (or words left out) and a correction that finds more is offered. */
export const FEW_HITS = 3;

/**
 * How good an attempt is: the share of its words every hit matches first (an answer to all of what
 * was asked beats more hits for part of it), then whether anything was found at all.
 */
function quality(attempt: MatchAttempt): number {
  if (attempt.total === 0 || attempt.words === 0) return 0;
  return (attempt.words - attempt.dropped) / attempt.words;
}

/** Whether `candidate` answers the query better than `current`: more of its words matched, or as many and more hits. */
function better(candidate: MatchAttempt, current: MatchAttempt): boolean {
  const a = quality(candidate);
  const b = quality(current);
  if (a !== b) return a > b;
  return a > 0 && candidate.total > current.total;
}

/**
 * Searches a query the forgiving way:
 * 1. the query as typed; if it finds entries matching all its words, that is the answer (nothing changes
 *    for queries that already work);
 * 2. otherwise its other readings — English layout and transliteration for Latin text, Russian layout for
 *    Cyrillic text that found nothing — and the best of them wins when it matches better; the result
 *    then says what was searched (`searchedAs`);
 * 3. when the answer has few hits or left words out, a close correction of the words the index does not
 *    know is tried and offered (`didYouMean`) if it finds more.
 */
export async function forgivingSearch(query: EffectiveSearchQuery, match: MatchText, lexicon: Lexicon, analysis: AnalysisOptions): Promise<SearchResult> {
  let best = await match(query.q, query);
  let searchedAs: string | undefined;
  if (best.words === 0) return { hits: [], total: 0, query: query.q };

  const works = best.total > 0 && best.dropped === 0;
  if (!works && (hasLatinLetters(query.q) || best.total === 0)) {
    for (const reading of alternativeReadings(query.q)) {
      const attempt = await match(reading.text, query);
      if (better(attempt, best)) {
        best = attempt;
        searchedAs = reading.text;
      }
    }
  }

  let didYouMean: string | undefined;
  const searched = searchedAs ?? query.q;
  if (best.total < FEW_HITS || best.dropped > 0) {
    const corrected = lexicon.correct(searched, analysis);
    if (corrected !== undefined) {
      const attempt = await match(corrected, query);
      if (better(attempt, best)) didYouMean = corrected;
    }
  }

  return {
    hits: best.hits,
    total: best.total,
    query: query.q,
    ...(searchedAs !== undefined ? { searchedAs } : {}),
    ...(didYouMean !== undefined ? { didYouMean } : {}),
  };
}

interface LexiconEntry {
  /** How often the stem occurred in indexed texts. */
  count: number;
  /** The word form shown in a correction: the most frequent one seen. */
  surface: string;
  surfaceCount: number;
  /** Other forms seen, with counts (few per stem). */
  forms: Map<string, number>;
}

/**
 * The words an engine has indexed, by stem, with the word form to show: what «Возможно, вы имели в
 * виду …» corrects unknown query words to. Stems stay until `clear` (a removed entry's words are
 * harmless: a correction is only offered when it finds more).
 */
export class Lexicon {
  private readonly stems = new SearchableMap<LexiconEntry>();
  // Synonym group keys indexed, with counts: a word of a group is known when its group's key is.
  private readonly keys = new Map<string, number>();

  /** Counts the words of an indexed text. */
  add(tokens: readonly AnalyzedToken[]): void {
    for (const token of tokens) {
      for (const key of token.synonymKeys) this.keys.set(key, (this.keys.get(key) ?? 0) + 1);
      // Numbers and one-letter words make poor corrections.
      if (token.stem.length < 3 || /\d/.test(token.stem)) continue;
      const form = token.text.toLowerCase().replace(/ё/g, 'е');
      let entry = this.stems.get(token.stem);
      if (!entry) {
        entry = { count: 0, surface: form, surfaceCount: 0, forms: new Map() };
        this.stems.set(token.stem, entry);
      }
      entry.count += 1;
      // Only a few forms are tracked per stem, enough to pick the usual one.
      if (entry.forms.size < 8 || entry.forms.has(form)) {
        const seen = (entry.forms.get(form) ?? 0) + 1;
        entry.forms.set(form, seen);
        if (seen > entry.surfaceCount) {
          entry.surface = form;
          entry.surfaceCount = seen;
        }
      }
    }
  }

  /**
   * How often the index has a query word: its stem's count, or for a stem it does not have, the count
   * of the most frequent word the search reaches by typos; for the last word, when no typo reaches
   * anything, the count of the first completion found (a long prefix walk is not worth the exact
   * maximum here); 0 when the search can reach nothing. {@link dropOrder} leaves out words at 0 first.
   */
  frequency(token: Pick<AnalyzedToken, 'stem' | 'synonymKeys'>, isLast: boolean): number {
    const viaKeys = Math.max(0, ...token.synonymKeys.map((key) => this.keys.get(key) ?? 0));
    const exact = this.stems.get(token.stem);
    if (exact) return Math.max(exact.count, viaKeys);
    if (viaKeys > 0) return viaKeys;
    // Short stems and numbers are not in the lexicon: count them as known.
    if (token.stem.length < 3 || /\d/.test(token.stem)) return 1;
    let best = 0;
    for (const [, [entry]] of this.stems.fuzzyGet(token.stem, typoBudget(token.stem))) best = Math.max(best, entry.count);
    if (isLast && best === 0) {
      for (const entry of this.stems.atPrefix(token.stem).values()) {
        best = Math.max(best, entry.count);
        if (best > 0) break;
      }
    }
    return best;
  }

  /** Forgets every word. */
  clear(): void {
    this.stems.clear();
    this.keys.clear();
  }

  /** Number of distinct stems (reported by the bench as part of the index size). */
  get size(): number {
    return this.stems.size;
  }

  /**
   * The query with each word the index does not know replaced by the closest known word (one edit more
   * than the search itself tolerates, the more frequent word on a tie); undefined when nothing changes.
   * Words of a synonym group are known by definition.
   * @example lexicon.correct('квитанцыю по емейлу') // 'квитанцию по емейлу' (when «квитанцию» was indexed)
   */
  correct(text: string, analysis: AnalysisOptions = {}): string | undefined {
    const tokens = analyzeTokens(text, analysis);
    let out = '';
    let at = 0;
    let changed = false;
    for (const token of tokens) {
      if (token.synonymKeys.length > 0 || this.stems.has(token.stem) || token.stem.length < 3 || /\d/.test(token.stem)) continue;
      const distance = Math.min(typoBudget(token.stem) + 1, 2);
      let bestForm: string | undefined;
      let bestDistance = Infinity;
      let bestCount = 0;
      for (const [, [entry, d]] of this.stems.fuzzyGet(token.stem, distance)) {
        if (d < bestDistance || (d === bestDistance && entry.count > bestCount)) {
          bestForm = entry.surface;
          bestDistance = d;
          bestCount = entry.count;
        }
      }
      if (bestForm === undefined) continue;
      out += text.slice(at, token.start) + bestForm;
      at = token.end;
      changed = true;
    }
    return changed ? (out + text.slice(at)).trim() : undefined;
  }
}
