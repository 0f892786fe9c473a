import MiniSearch, { type Query } from 'minisearch';
import { analyzeForIndex, analyzeQuery, analyzeTokens, isQuestionLike, typoBudget, type AnalysisOptions, type AnalyzedToken } from './analysis';
import {
  matchesFilters,
  parseSearchDocuments,
  resolveSearchQuery,
  type SearchDocument,
  type SearchDocumentInput,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from './contract';
import { renderHit, type QueryTerms } from './highlight';

/** Options of the in-process engine: the analysis options (synonyms). */
export type EmbeddedSearchEngineOptions = AnalysisOptions;

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
const FAQ_BOOST_FOR_QUESTIONS = 2;

/**
 * The default in-process engine on MiniSearch (BM25+). Texts are indexed as our stems and synonym
 * keys; each query word is searched separately (its stem — with typo tolerance and, for the last
 * word, as a prefix — or its synonym keys). An entry's score is the sum over the words it matches,
 * times the number of words it matches (entries answering more of the query rank higher), raised
 * by how much of its question the query covers, and doubled for FAQ entries when the query is
 * question-like.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded';
  private readonly analysis: AnalysisOptions;
  private readonly docs = new Map<string, SearchDocument>();
  // Analysed once at indexing time: every search compares the query with each candidate's question.
  private readonly questionTokens = new Map<string, AnalyzedToken[]>();
  private readonly index: MiniSearch<SearchDocument>;

  constructor(options: EmbeddedSearchEngineOptions = {}) {
    this.analysis = { synonyms: options.synonyms };
    this.index = new MiniSearch<SearchDocument>({
      idField: 'id',
      fields: Object.keys(EMBEDDED_FIELD_BOOSTS),
      // Our analysis replaces MiniSearch's: the tokenizer already yields final terms.
      tokenize: (text) => analyzeForIndex(text, this.analysis),
      processTerm: (term) => term,
      // Query terms are built by us from analyzeQuery; they must not be analysed a second time.
      searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
    });
  }

  async upsert(docs: SearchDocumentInput[]): Promise<void> {
    for (const doc of parseSearchDocuments(docs)) {
      const previous = this.docs.get(doc.id);
      if (previous) this.index.remove(previous);
      this.index.add(doc);
      this.docs.set(doc.id, doc);
      this.questionTokens.set(doc.id, analyzeTokens(doc.question, this.analysis));
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const previous = this.docs.get(id);
      if (!previous) continue;
      this.index.remove(previous);
      this.docs.delete(id);
      this.questionTokens.delete(id);
    }
  }

  async replaceAll(docs: SearchDocumentInput[]): Promise<void> {
    const parsed = parseSearchDocuments(docs);
    this.index.removeAll();
    this.docs.clear();
    this.questionTokens.clear();
    await this.upsert(parsed);
  }

  async count(): Promise<number> {
    return this.docs.size;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const effective = resolveSearchQuery(query);
    const words = analyzeQuery(effective.q, this.analysis);
    if (words.length === 0) return { hits: [], total: 0, query: effective.q };

    const combined = new Map<string, { score: number; words: number; questionTerms: Set<string> }>();
    words.forEach((alternatives, index) => {
      const isLast = index === words.length - 1;
      const results = this.index.search(wordQuery(alternatives, isLast), { boost: { ...EMBEDDED_FIELD_BOOSTS } });
      for (const result of results) {
        const id = String(result.id);
        // MiniSearch multiplies by the number of alternatives matched; undo that so a word
        // counts once however many of its synonyms an entry contains.
        const score = result.score / Math.max(1, result.queryTerms.length);
        let entry = combined.get(id);
        if (!entry) {
          entry = { score: 0, words: 0, questionTerms: new Set() };
          combined.set(id, entry);
        }
        entry.score += score;
        entry.words += 1;
        // The indexed terms (typos and prefixes resolved) this word matched in the question.
        for (const [term, fields] of Object.entries(result.match)) {
          if (fields.includes('question')) entry.questionTerms.add(term);
        }
      }
    });

    const terms: QueryTerms = { words, prefixLast: true };
    const faqBoost = isQuestionLike(effective.q) ? FAQ_BOOST_FOR_QUESTIONS : 1;
    const ranked: { doc: SearchDocument; score: number }[] = [];
    for (const [id, { score, words: matched, questionTerms }] of combined) {
      const doc = this.docs.get(id);
      if (!doc || !matchesFilters(doc, effective)) continue;
      const coverage = questionCoverage(this.questionTokens.get(id) ?? [], questionTerms);
      const typeBoost = doc.type === 'faq' ? faqBoost : 1;
      ranked.push({ doc, score: score * matched * (1 + QUESTION_COVERAGE_WEIGHT * coverage) * typeBoost });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));

    return {
      hits: ranked.slice(0, effective.limit).map(({ doc, score }) => renderHit(doc, score, terms, this.analysis)),
      total: ranked.length,
      query: effective.q,
    };
  }
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

/** Builds the MiniSearch query of one query word: its stem (typos, prefix) or any synonym key (exact). */
function wordQuery(alternatives: string[], isLast: boolean): Query {
  const [own, ...keys] = alternatives;
  const queries: Query[] = [];
  if (own !== undefined) {
    queries.push({ queries: [own], fuzzy: typoBudget(own), prefix: isLast });
  }
  for (const key of keys) {
    queries.push({ queries: [key], fuzzy: false, prefix: false, boostTerm: () => SYNONYM_WEIGHT });
  }
  return { combineWith: 'OR', queries };
}
