import SearchableMap from 'minisearch/SearchableMap';

/**
 * The inverted index under the embedded engine: terms (already analysed by us) → per-field postings,
 * scored with BM25+ at query time. Term expansion (typos, prefixes) walks a radix tree of the
 * vocabulary (MiniSearch's `SearchableMap`), so its cost depends on the vocabulary, not on the
 * number of documents; scoring touches only the postings of the expanded terms.
 *
 * Why not MiniSearch's own `search`: it builds a result object with match details for every
 * matching document, which at 10,000 documents costs tens of milliseconds per query word; here a
 * query word costs one pass over typed arrays. Postings are kept in Maps (cheap to add and remove
 * documents) and compiled into arrays with their BM25 parts by the first search that reads them
 * after a change.
 */

/** BM25+ parameters, the values MiniSearch uses by default. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Weight of a term reached by completing the query word (search-as-you-type), before length scaling. */
export const PREFIX_WEIGHT = 0.375;
/** Weight of a term reached through typos, before distance scaling. */
export const FUZZY_WEIGHT = 0.45;

/** Document number → how often the term occurs in one field. */
type Postings = Map<number, number>;

interface TermEntry {
  /** One postings map per field, in the order of the field list. */
  fields: Postings[];
  /** The postings as searches read them, built by the first search after the index changed. */
  compiled?: CompiledPostings[];
  /** The index's {@link TermIndex.version} when `compiled` was built. */
  compiledVersion?: number;
}

/**
 * One field's postings in arrays, with each posting's BM25 term-frequency part and the term's idf
 * already worked out: what a search adds up, without walking a Map or dividing per posting.
 */
interface CompiledPostings {
  docNos: Int32Array;
  tf: Float64Array;
  idf: number;
}

/** How a query term is widened into indexed terms. */
export interface ExpandOptions {
  /** Largest edit distance accepted (0 = exact only). */
  fuzzy: number;
  /** Whether indexed terms starting with the query term match too. */
  prefix: boolean;
}

/**
 * A field-aware inverted index over numbered documents. Field names and boosts are fixed at
 * construction; each document gives, per field, its list of terms.
 */
export class TermIndex<Field extends string> {
  private readonly fieldNames: readonly Field[];
  private readonly boosts: readonly number[];
  private readonly vocabulary = new SearchableMap<TermEntry>();
  private readonly lengthSums: number[];
  // Field lengths by document number, one growable array per field: read for every posting.
  private lengths: Float64Array[];
  private readonly docTerms = new Map<number, string[]>();
  // Changes with every added or removed document: the BM25 parts of compiled postings depend on
  // the number of documents and their average field lengths.
  private version = 0;

  /** @param boosts relative weight of a match in each field */
  constructor(boosts: Readonly<Record<Field, number>>) {
    this.fieldNames = Object.keys(boosts) as Field[];
    this.boosts = this.fieldNames.map((name) => boosts[name]);
    this.lengthSums = this.fieldNames.map(() => 0);
    this.lengths = this.fieldNames.map(() => new Float64Array(1024));
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docTerms.size;
  }

  /** One more than the highest document number the arrays hold; score arrays need this length. */
  get capacity(): number {
    return this.lengths[0]?.length ?? 0;
  }

  /** Indexes a document under a number not in use. */
  add(docNo: number, fieldTerms: Readonly<Record<Field, readonly string[]>>): void {
    if (this.docTerms.has(docNo)) throw new Error(`document ${docNo} is already indexed`);
    this.ensureCapacity(docNo + 1);
    this.version += 1;
    const unique = new Set<string>();
    this.fieldNames.forEach((name, field) => {
      const terms = fieldTerms[name];
      this.lengths[field]![docNo] = terms.length;
      this.lengthSums[field]! += terms.length;
      for (const term of terms) {
        let entry = this.vocabulary.get(term);
        if (!entry) {
          entry = { fields: this.fieldNames.map(() => new Map()) };
          this.vocabulary.set(term, entry);
        }
        const postings = entry.fields[field]!;
        postings.set(docNo, (postings.get(docNo) ?? 0) + 1);
        unique.add(term);
      }
    });
    this.docTerms.set(docNo, [...unique]);
  }

  /** Removes a document; unknown numbers are ignored. */
  remove(docNo: number): void {
    const terms = this.docTerms.get(docNo);
    if (!terms) return;
    this.version += 1;
    this.lengths.forEach((lengths, field) => {
      this.lengthSums[field]! -= lengths[docNo]!;
      lengths[docNo] = 0;
    });
    for (const term of terms) {
      const entry = this.vocabulary.get(term);
      if (!entry) continue;
      for (const postings of entry.fields) postings.delete(docNo);
      if (entry.fields.every((postings) => postings.size === 0)) this.vocabulary.delete(term);
    }
    this.docTerms.delete(docNo);
  }

  /** Empties the index. */
  clear(): void {
    this.vocabulary.clear();
    this.docTerms.clear();
    this.version += 1;
    this.lengthSums.fill(0);
    for (const lengths of this.lengths) lengths.fill(0);
  }

  /**
   * Indexed terms a query term stands for, each with a weight: 1 for the term itself, less for a
   * completion (the more letters added, the less) or a typo (the more edits, the less) — the
   * scaling MiniSearch applies, so relevance tuned on it carries over.
   */
  expand(term: string, options: ExpandOptions): Map<string, number> {
    const weights = new Map<string, number>();
    if (this.vocabulary.has(term)) weights.set(term, 1);
    if (options.prefix) {
      for (const candidate of this.vocabulary.atPrefix(term).keys()) {
        if (weights.has(candidate)) continue;
        const added = candidate.length - term.length;
        weights.set(candidate, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * added));
      }
    }
    if (options.fuzzy > 0) {
      for (const [candidate, [, distance]] of this.vocabulary.fuzzyGet(term, options.fuzzy)) {
        if (weights.has(candidate)) continue;
        weights.set(candidate, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    return weights;
  }

  /**
   * Adds `weight` × the boosted BM25+ score of `term` in every document containing it to
   * `scores` (indexed by document number, at least {@link capacity} long). When `reached` is given,
   * the numbers of the documents whose score was 0 until now are appended to it.
   */
  accumulate(term: string, weight: number, scores: Float64Array, reached?: { push(docNo: number): void }): void {
    const entry = this.vocabulary.get(term);
    if (!entry) return;
    const fields = this.compiledPostings(entry);
    for (let field = 0; field < fields.length; field++) {
      const { docNos, tf, idf } = fields[field]!;
      const boost = this.boosts[field]! * weight;
      for (let i = 0; i < docNos.length; i++) {
        const docNo = docNos[i]!;
        if (reached && scores[docNo] === 0) reached.push(docNo);
        scores[docNo]! += boost * idf * (BM25.d + tf[i]!);
      }
    }
  }

  /** A term's postings as searches read them, built anew when the index changed since the last build. */
  private compiledPostings(entry: TermEntry): CompiledPostings[] {
    if (entry.compiled && entry.compiledVersion === this.version) return entry.compiled;
    const total = this.docTerms.size;
    entry.compiled = entry.fields.map((postings, field) => {
      const lengths = this.lengths[field]!;
      const lengthFactor = BM25.b / (this.lengthSums[field]! / total || 1);
      const docNos = new Int32Array(postings.size);
      const tf = new Float64Array(postings.size);
      let i = 0;
      for (const [docNo, frequency] of postings) {
        docNos[i] = docNo;
        tf[i] = (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + lengthFactor * lengths[docNo]!));
        i += 1;
      }
      return { docNos, tf, idf: Math.log(1 + (total - postings.size + 0.5) / (postings.size + 0.5)) };
    });
    entry.compiledVersion = this.version;
    return entry.compiled;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.capacity) return;
    let size = this.capacity;
    while (size < needed) size *= 2;
    this.lengths = this.lengths.map((old) => {
      const grown = new Float64Array(size);
      grown.set(old);
      return grown;
    });
  }
}
