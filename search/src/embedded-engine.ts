import {
  analyzeForIndexWithTokens,
  analyzeTokens,
  dropOrder,
  requiredWords,
  isQuestionLike,
  typoBudget,
  type AnalysisOptions,
  type AnalyzedToken,
} from './analysis';
import {
  type EffectiveSearchQuery,
  hasFilters,
  matchesFilters,
  parseSearchDocuments,
  resolveSearchQuery,
  type SearchDocument,
  type SearchDocumentInput,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './contract';
import { forgivingSearch, Lexicon, type MatchAttempt } from './forgiving-search';
import { renderHit, type HitClock, type QueryTerms } from './highlight';
import { TermIndex } from './term-index';

/** Options of the in-process engine: the analysis options (synonyms) and the clock of hits' status lines. */
export type EmbeddedSearchEngineOptions = AnalysisOptions & HitClock;

/** Relative weight of each searched field; a match in the question counts three times. */
export const EMBEDDED_FIELD_BOOSTS = { question: 3, answerText: 1, topicTitle: 1 } as const;

// A word found only through its synonym group counts a little less than the word itself, so
// entries using the visitor's own wording come first.
const SYNONYM_WEIGHT = 0.8;

// An entry whose question consists mostly of the query's words is the closest answer
// (what Meilisearch's "exactness" rule rewards): its score is raised by up to this factor.
const QUESTION_COVERAGE_WEIGHT = 1;

// A question-like query («как оплатить», «не пришла квитанция») is best answered by a FAQ entry:
// FAQ scores are multiplied by this, enough to lead over a page with the same words.
const FAQ_BOOST_FOR_QUESTIONS = 3;

/**
 * The default in-process engine. Texts are indexed as our stems and synonym keys (see
 * {@link TermIndex}); each query word is searched separately: its stem — with typo tolerance and,
 * for the last word, as a prefix — or its synonym keys, whichever scores higher. An entry's score is
 * the sum over the words it matches, times the number of words it matches (entries answering more
 * of the query rank higher), raised by how much of its question the query covers, and doubled for
 * FAQ entries when the query is question-like.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded';
  private readonly analysis: AnalysisOptions;
  private readonly index = new TermIndex(EMBEDDED_FIELD_BOOSTS);
  // By document number; numbers of removed documents are reused, so the arrays stay dense.
  private readonly docs: (IndexedDocument | undefined)[] = [];
  // Whether each document is a FAQ entry: read for every candidate, kept apart from the documents
  // so ranking thousands of candidates does not visit their objects.
  private readonly isFaq: boolean[] = [];
  private readonly numbers = new Map<string, number>();
  private readonly freeNumbers: number[] = [];
  private readonly scratch = new ScoreArrays();
  private readonly lexicon = new Lexicon();

  private readonly clock: HitClock;

  constructor(options: EmbeddedSearchEngineOptions = {}) {
    this.analysis = { synonyms: options.synonyms };
    this.clock = { now: options.now, timeZone: options.timeZone };
  }

  async upsert(docs: SearchDocumentInput[]): Promise<void> {
    for (const doc of parseSearchDocuments(docs)) {
      const docNo = this.removeOne(doc.id) ?? this.freeNumbers.pop() ?? this.docs.length;
      const question = analyzeForIndexWithTokens(doc.question, this.analysis);
      const answerText = analyzeForIndexWithTokens(doc.answerText, this.analysis);
      const topicTitle = analyzeForIndexWithTokens(doc.topicTitle, this.analysis);
      this.index.add(docNo, { question: question.terms, answerText: answerText.terms, topicTitle: topicTitle.terms });
      this.lexicon.add(question.tokens);
      this.lexicon.add(answerText.tokens);
      this.lexicon.add(topicTitle.tokens);
      // Analysed once here: ranking compares the query with each candidate's question.
      this.docs[docNo] = { doc, questionTokens: question.tokens };
      this.isFaq[docNo] = doc.type === 'faq';
      this.numbers.set(doc.id, docNo);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const docNo = this.removeOne(id);
      if (docNo !== undefined) this.freeNumbers.push(docNo);
    }
  }

  async replaceAll(docs: SearchDocumentInput[]): Promise<void> {
    const parsed = parseSearchDocuments(docs);
    this.index.clear();
    this.docs.length = 0;
    this.isFaq.length = 0;
    this.numbers.clear();
    this.freeNumbers.length = 0;
    this.lexicon.clear();
    await this.upsert(parsed);
  }

  async count(): Promise<number> {
    return this.numbers.size;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return forgivingSearch(resolveSearchQuery(query), (text, effective) => this.match(text, effective), this.lexicon, this.analysis);
  }

  /**
   * One text searched with the honest matching strategy: an entry is a hit only when it matches every
   * meaningful word; when no entry does, words are left out in {@link dropOrder} until some match.
   */
  private async match(text: string, effective: EffectiveSearchQuery): Promise<MatchAttempt> {
    const tokens = analyzeTokens(text, this.analysis);
    const words = tokens.map((token) => [token.stem, ...token.synonymKeys.filter((key) => key !== token.stem)]);
    if (words.length === 0) return { hits: [], total: 0, words: 0, dropped: 0 };

    // Dense arrays by document number, reused between searches: at 10,000 documents a query word
    // touches thousands of postings, and typed arrays keep that a plain loop. Loops visit only the
    // documents some word reached (`scores.docs`), not the whole index. Which words a document
    // matched is a bit mask (words past the 31st only add to the score).
    const capacity = this.index.capacity;
    const scores = this.scratch.take(capacity);
    const { matchedWords, masks } = scores;
    const matchedTerms = new Set<string>();
    const keyScores = new Map<string, SparseScores>();
    words.forEach((alternatives, index) => {
      const wordScores = this.scoreWord(alternatives, index === words.length - 1, matchedTerms, keyScores);
      const bit = index < 31 ? 1 << index : 0;
      for (let i = 0; i < wordScores.docs.length; i++) {
        const docNo = wordScores.docs.items[i]!;
        const score = wordScores.values[docNo]!;
        if (score === 0) continue;
        scores.add(docNo, score);
        matchedWords[docNo]! += 1;
        masks[docNo]! |= bit;
      }
      this.scratch.give(wordScores);
    });
    for (const keyed of keyScores.values()) this.scratch.give(keyed);

    // The words every hit must match: the meaningful ones, then fewer in drop order until something matches.
    const mandatory = requiredWords(tokens).filter((index) => index < 31);
    let required = 0;
    for (const index of mandatory) required |= 1 << index;
    let dropped = 0;
    const filtered = hasFilters(effective);
    const passes = (docNo: number, mask: number): boolean => {
      if ((masks[docNo]! & mask) !== mask || scores.values[docNo] === 0) return false;
      const entry = this.docs[docNo];
      return entry !== undefined && (!filtered || matchesFilters(entry.doc, effective));
    };
    // Computed only when needed: most queries have entries matching every word.
    let order: number[] | undefined;
    while (mandatory.length > 1) {
      if (scores.docs.some((docNo) => passes(docNo, required))) break;
      order ??= dropOrder(mandatory, (i) => this.lexicon.frequency(tokens[i]!, i === tokens.length - 1));
      if (dropped >= order.length - 1) break;
      required &= ~(1 << order[dropped]!);
      dropped += 1;
    }

    const faqBoost = isQuestionLike(text) ? FAQ_BOOST_FOR_QUESTIONS : 1;
    const candidates: { docNo: number; base: number }[] = [];
    // The limit-th best base score so far: coverage raises a score by at most (1 + weight), so a
    // candidate whose raised base stays below it can never reach the top.
    const bestBases: number[] = [];
    let total = 0;
    for (let i = 0; i < scores.docs.length; i++) {
      const docNo = scores.docs.items[i]!;
      if (!passes(docNo, required)) continue;
      total += 1;
      const typeBoost = this.isFaq[docNo] ? faqBoost : 1;
      const base = scores.values[docNo]! * matchedWords[docNo]! * typeBoost;
      const threshold = bestBases.length === effective.limit ? bestBases[bestBases.length - 1]! : 0;
      if (base * (1 + QUESTION_COVERAGE_WEIGHT) < threshold) continue;
      candidates.push({ docNo, base });
      if (base > threshold || bestBases.length < effective.limit) insertDescending(bestBases, base, effective.limit);
    }

    const threshold = bestBases.length === effective.limit ? bestBases[bestBases.length - 1]! : 0;
    // The top `limit` by final score, kept in rank order. By the same bound, a candidate whose raised
    // base stays below the last of a full top is not scored at all.
    const ranked: RankedDocument[] = [];
    for (const { docNo, base } of candidates) {
      const bound = base * (1 + QUESTION_COVERAGE_WEIGHT);
      if (bound < threshold || (ranked.length === effective.limit && bound < ranked[ranked.length - 1]!.score)) continue;
      const entry = this.docs[docNo]!;
      const score = base * (1 + QUESTION_COVERAGE_WEIGHT * questionCoverage(entry.questionTokens, matchedTerms));
      insertRanked(ranked, { doc: entry.doc, score }, effective.limit);
    }

    this.scratch.give(scores);

    const terms: QueryTerms = { words, prefixLast: true };
    let hits: SearchHit[] | undefined;
    const render = () => ranked.map(({ doc, score }) => renderHit(doc, score, terms, this.analysis, this.clock));
    return {
      // Highlighting costs as much as matching, and a search tries up to a few texts but answers
      // with one: hits are rendered when read, only for the attempt that wins.
      get hits() {
        return (hits ??= render());
      },
      total,
      words: mandatory.length,
      dropped: total === 0 ? mandatory.length : dropped,
    };
  }

  /**
   * Scores of one query word by document number: the best of its alternatives — its own stem
   * (typos, prefix for the last word) or a synonym key (exact, slightly lower weight). Records the
   * indexed terms it reached in `matchedTerms`. A phrase's key is an alternative of each of its
   * words («цена квт ч»), so a key's scores are computed once per text and kept in `keyScores`.
   */
  private scoreWord(alternatives: readonly string[], isLast: boolean, matchedTerms: Set<string>, keyScores: Map<string, SparseScores>): SparseScores {
    const [own, ...keys] = alternatives;
    const capacity = this.index.capacity;
    const best = this.scratch.take(capacity);
    if (own !== undefined) {
      for (const [term, weight] of this.index.expand(own, { fuzzy: typoBudget(own), prefix: isLast })) {
        this.index.accumulate(term, weight, best.values, best.docs);
        matchedTerms.add(term);
      }
    }
    for (const key of keys) {
      let scores = keyScores.get(key);
      if (!scores) {
        scores = this.scratch.take(capacity);
        this.index.accumulate(key, SYNONYM_WEIGHT, scores.values, scores.docs);
        keyScores.set(key, scores);
      }
      matchedTerms.add(key);
      for (let i = 0; i < scores.docs.length; i++) {
        const docNo = scores.docs.items[i]!;
        best.raise(docNo, scores.values[docNo]!);
      }
    }
    return best;
  }

  /** Removes a document and returns its number for reuse (undefined if the id was not indexed). */
  private removeOne(id: string): number | undefined {
    const docNo = this.numbers.get(id);
    if (docNo === undefined) return undefined;
    this.index.remove(docNo);
    this.docs[docNo] = undefined;
    this.isFaq[docNo] = false;
    this.numbers.delete(id);
    return docNo;
  }
}

interface IndexedDocument {
  doc: SearchDocument;
  questionTokens: AnalyzedToken[];
}

/**
 * Share of the question's meaningful words that the query matched, 0..1. Uses the terms the index
 * itself matched (typos and prefixes already resolved), so no edit distance is computed here.
 */
function questionCoverage(tokens: readonly AnalyzedToken[], matchedTerms: ReadonlySet<string>): number {
  if (tokens.length === 0 || matchedTerms.size === 0) return 0;
  let covered = 0;
  for (const token of tokens) {
    if (matchedTerms.has(token.stem) || token.synonymKeys.some((key) => matchedTerms.has(key))) covered += 1;
  }
  return covered / tokens.length;
}

interface RankedDocument {
  doc: SearchDocument;
  score: number;
}

/** Inserts a document into a list in rank order (higher score first, then by id) kept at most `limit` long. */
function insertRanked(list: RankedDocument[], item: RankedDocument, limit: number): void {
  let at = list.length;
  while (at > 0 && (list[at - 1]!.score < item.score || (list[at - 1]!.score === item.score && list[at - 1]!.doc.id.localeCompare(item.doc.id) > 0))) at--;
  list.splice(at, 0, item);
  if (list.length > limit) list.pop();
}

/** Inserts a value into a descending list kept at most `limit` long. */
function insertDescending(list: number[], value: number, limit: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1]! < value) at--;
  list.splice(at, 0, value);
  if (list.length > limit) list.pop();
}

/** Document numbers in an array allocated once (the first `length` entries), so lists are reused between searches. */
class DocList {
  readonly items: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(docNo: number): void {
    this.items[this.length++] = docNo;
  }

  /** Whether some listed document satisfies `test`. */
  some(test: (docNo: number) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (test(this.items[i]!)) return true;
    return false;
  }
}

/**
 * Scores by document number together with the numbers of the documents that have one, so loops
 * and resets visit only those. Scores are positive (BM25+ never gives 0), so 0 means «not reached».
 * A query's total also counts, per document, how many of its words matched and which (a bit mask).
 */
class SparseScores {
  readonly values: Float64Array;
  /** Documents whose score is not 0, in the order they were reached. */
  readonly docs: DocList;
  readonly matchedWords: Uint8Array;
  readonly masks: Uint32Array;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.docs = new DocList(capacity);
    this.matchedWords = new Uint8Array(capacity);
    this.masks = new Uint32Array(capacity);
  }

  /** Adds to a document's score. */
  add(docNo: number, score: number): void {
    if (this.values[docNo] === 0) this.docs.push(docNo);
    this.values[docNo]! += score;
  }

  /** Raises a document's score to `score` if that is higher. */
  raise(docNo: number, score: number): void {
    const current = this.values[docNo]!;
    if (score <= current) return;
    if (current === 0) this.docs.push(docNo);
    this.values[docNo] = score;
  }

  /** Back to no document reached; only the reached ones are visited. */
  clear(): void {
    for (let i = 0; i < this.docs.length; i++) {
      const docNo = this.docs.items[i]!;
      this.values[docNo] = 0;
      this.matchedWords[docNo] = 0;
      this.masks[docNo] = 0;
    }
    this.docs.length = 0;
  }
}

/**
 * Reusable score arrays: a search needs a few arrays as long as the index, and allocating them
 * anew for every query would keep the garbage collector busy at 10,000 documents.
 */
class ScoreArrays {
  private readonly free: SparseScores[] = [];

  /** Empty scores over exactly `capacity` documents. */
  take(capacity: number): SparseScores {
    const scores = this.free.pop();
    return scores?.values.length === capacity ? scores : new SparseScores(capacity);
  }

  /** Returns scores for reuse, cleared. */
  give(scores: SparseScores): void {
    scores.clear();
    if (this.free.length < 8) this.free.push(scores);
  }
}
