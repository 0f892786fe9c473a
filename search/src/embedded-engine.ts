import MiniSearch, { type Query } from 'minisearch';
import { analyzeForIndex, analyzeQuery, typoBudget, type AnalysisOptions } from './analysis';
import {
  matchesFilters,
  parseSearchDocuments,
  resolveSearchQuery,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from './contract';
import { renderHit, type QueryTerms } from './highlight';

/** Options of the in-process engine. */
export interface EmbeddedSearchEngineOptions extends AnalysisOptions {}

/** Relative weight of each searched field; a match in the question counts three times. */
export const EMBEDDED_FIELD_BOOSTS = { question: 3, answerText: 1, topicTitle: 1 } as const;

// A word found only through its synonym group counts a little less than the word itself, so
// entries using the visitor's own wording come first.
const SYNONYM_WEIGHT = 0.8;

/**
 * The default in-process engine on MiniSearch (BM25+). Texts are indexed as our stems and synonym
 * keys; each query word is searched separately (its stem — with typo tolerance and, for the last
 * word, as a prefix — or its synonym keys) and an entry's score is the sum over the words it
 * matches times the number of words it matches, so entries answering more of the query rank higher.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded';
  private readonly analysis: AnalysisOptions;
  private readonly docs = new Map<string, SearchDocument>();
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

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of parseSearchDocuments(docs)) {
      const previous = this.docs.get(doc.id);
      if (previous) this.index.remove(previous);
      this.index.add(doc);
      this.docs.set(doc.id, doc);
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      const previous = this.docs.get(id);
      if (!previous) continue;
      this.index.remove(previous);
      this.docs.delete(id);
    }
  }

  async replaceAll(docs: SearchDocument[]): Promise<void> {
    const parsed = parseSearchDocuments(docs);
    this.index.removeAll();
    this.docs.clear();
    await this.upsert(parsed);
  }

  async count(): Promise<number> {
    return this.docs.size;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const effective = resolveSearchQuery(query);
    const words = analyzeQuery(effective.q, this.analysis);
    if (words.length === 0) return { hits: [], total: 0, query: effective.q };

    const combined = new Map<string, { score: number; words: number }>();
    words.forEach((alternatives, index) => {
      const isLast = index === words.length - 1;
      const results = this.index.search(wordQuery(alternatives, isLast), { boost: { ...EMBEDDED_FIELD_BOOSTS } });
      for (const result of results) {
        const id = String(result.id);
        // MiniSearch multiplies by the number of alternatives matched; undo that so a word
        // counts once however many of its synonyms an entry contains.
        const score = result.score / Math.max(1, result.queryTerms.length);
        const entry = combined.get(id) ?? { score: 0, words: 0 };
        entry.score += score;
        entry.words += 1;
        combined.set(id, entry);
      }
    });

    const ranked = [...combined.entries()]
      .map(([id, { score, words: matched }]) => ({ doc: this.docs.get(id), score: score * matched }))
      .filter((r): r is { doc: SearchDocument; score: number } => r.doc !== undefined && matchesFilters(r.doc, effective))
      .sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));

    const terms: QueryTerms = { words, prefixLast: true };
    return {
      hits: ranked.slice(0, effective.limit).map(({ doc, score }) => renderHit(doc, score, terms, this.analysis)),
      total: ranked.length,
      query: effective.q,
    };
  }
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
