import SearchableMap from 'minisearch/SearchableMap';

/**
 * The inverted index under the embedded engine: terms (already analysed by us) → per-field postings,
 * scored with BM25+ at query time. Term expansion (typos, prefixes) walks a radix tree of the
 * vocabulary (MiniSearch's `SearchableMap`), so its cost depends on the vocabulary, not on the
 * number of documents; scoring touches only the postings of the expanded terms.
 *
 * Why not MiniSearch's own `search`: it builds a result object with match details for every
 * matching document, which at 10,000 documents costs tens of milliseconds per query word; here a
 * query word costs one pass over plain Maps.
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
   * `scores` (indexed by document number, at least {@link capacity} long).
   */
  accumulate(term: string, weight: number, scores: Float64Array): void {
    const entry = this.vocabulary.get(term);
    if (!entry) return;
    const total = this.docTerms.size;
    for (let field = 0; field < entry.fields.length; field++) {
      const postings = entry.fields[field]!;
      if (postings.size === 0) continue;
      const lengths = this.lengths[field]!;
      const boost = this.boosts[field]! * weight;
      const lengthFactor = BM25.b / (this.lengthSums[field]! / total || 1);
      const idf = Math.log(1 + (total - postings.size + 0.5) / (postings.size + 0.5));
      for (const [docNo, frequency] of postings) {
        const tf = (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + lengthFactor * lengths[docNo]!));
        scores[docNo]! += boost * idf * (BM25.d + tf);
      }
    }
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
