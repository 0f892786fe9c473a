import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchParams, type Settings } from 'meilisearch';
import {
  analyzeForIndexWithTokens,
  analyzeTokens,
  dropOrder,
  requiredWords,
  isQuestionLike,
  MIN_WORD_SIZE_FOR_TYPOS,
  type AnalysisOptions,
} from './analysis';
import {
  parseSearchDocuments,
  resolveSearchQuery,
  type EffectiveSearchQuery,
  type SearchDocument,
  type SearchDocumentInput,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from './contract';
import { forgivingSearch, Lexicon, type MatchAttempt } from './forgiving-search';
import { renderHit, type HitClock } from './highlight';
import { typesOfFilter } from './type-labels';

/** Connection and naming of the Meilisearch index. */
export interface MeiliSearchEngineOptions extends AnalysisOptions, HitClock {
  /** Server URL, e.g. `http://127.0.0.1:7700`. */
  host: string;
  /** API key with document and settings rights on the index. */
  apiKey?: string;
  /** Index name without prefix; defaults to `faq`. */
  indexName?: string;
  /** Prepended to the index name, e.g. `staging_` to share one server between environments. */
  indexPrefix?: string;
  /** How long to wait for an indexing task, in milliseconds; defaults to 30 000. */
  taskTimeoutMs?: number;
}

/** An item as stored in Meilisearch: original fields for display plus our analysed terms. */
export interface MeiliFaqDocument extends SearchDocument {
  /** 0 for FAQ entries, 1 otherwise: sorting on it puts the FAQ first for question-like queries. */
  typeRank: 0 | 1;
  /** analyzeForIndex of question, answer and topic title, joined by spaces. */
  stems: string;
  /** analyzeForIndex of the question alone, so question matches can rank first. */
  questionStems: string;
}

/**
 * Index settings, declared here and applied on first use (idempotent: re-applying equal settings
 * changes nothing). Only our analysed fields are searched, Meilisearch's own synonyms and stop
 * words stay empty because our analysis already handles them, and typo thresholds match the
 * embedded engine.
 */
export const MEILI_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['questionStems', 'stems'],
  filterableAttributes: ['audience', 'topic', 'type'],
  sortableAttributes: ['typeRank'],
  displayedAttributes: ['id', 'type', 'url', 'question', 'answerText', 'topic', 'topicTitle', 'audience', 'details'],
  // `sort` right after `words`: among items matching as many query words, FAQ entries come first
  // when the query asks for that (question-like queries); other queries send no sort, so it is a no-op.
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: MIN_WORD_SIZE_FOR_TYPOS.oneTypo, twoTypos: MIN_WORD_SIZE_FOR_TYPOS.twoTypos },
  },
  stopWords: [],
  synonyms: {},
};

const DISPLAYED_FIELDS = ['id', 'type', 'url', 'question', 'answerText', 'topic', 'topicTitle', 'audience', 'details'] as const;

/** Builds the stored form of an entry. */
export function toMeiliDocument(doc: SearchDocument, analysis: AnalysisOptions = {}, lexicon?: Lexicon): MeiliFaqDocument {
  const all = analyzeForIndexWithTokens(`${doc.question}\n${doc.answerText}\n${doc.topicTitle}`, analysis);
  const question = analyzeForIndexWithTokens(doc.question, analysis);
  lexicon?.add(all.tokens);
  return {
    id: doc.id,
    type: doc.type,
    url: doc.url,
    typeRank: doc.type === 'faq' ? 0 : 1,
    question: doc.question,
    answerText: doc.answerText,
    topic: doc.topic,
    topicTitle: doc.topicTitle,
    audience: doc.audience,
    ...(doc.details ? { details: doc.details } : {}),
    stems: all.terms.join(' '),
    questionStems: question.terms.join(' '),
  };
}

/**
 * The query string sent to Meilisearch: one term per query word. A word of a synonym group is
 * sent as the group key, which every entry containing any member of the group has indexed; a
 * phrase («личный кабинет») becomes one key. Meilisearch then applies typos and prefix search to
 * our stems as the embedded engine does.
 */
export function toMeiliQuery(words: readonly string[][]): string {
  const terms: string[] = [];
  for (const alternatives of words) {
    const term = alternatives[1] ?? alternatives[0];
    if (term !== undefined && terms[terms.length - 1] !== term) terms.push(term);
  }
  return terms.join(' ');
}

/** The Meilisearch filter expression for a query's audience and topic. */
export function toMeiliFilter(
  query: Pick<EffectiveSearchQuery, 'audience' | 'topic'> & { type?: EffectiveSearchQuery['type'] },
): string[] {
  const filter: string[] = [];
  if (query.audience) filter.push(`audience IN [${quote(query.audience)}, "all"]`);
  if (query.topic) filter.push(`topic = ${quote(query.topic)}`);
  if (query.type) filter.push(`type IN [${typesOfFilter(query.type).map(quote).join(', ')}]`);
  return filter;
}

/** Meilisearch adapter: same contract and same analysis as the embedded engine. */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  /** Full index name, prefix included. */
  readonly indexUid: string;
  private readonly client: Meilisearch;
  private readonly analysis: AnalysisOptions;
  private readonly taskTimeoutMs: number;
  private readonly clock: HitClock;
  private ready: Promise<Index<MeiliFaqDocument>> | undefined;
  // The words this process indexed, for «Возможно, вы имели в виду …»; the CMS re-indexes everything
  // at start, so it is complete after that.
  private readonly lexicon = new Lexicon();

  constructor(options: MeiliSearchEngineOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
    this.indexUid = `${options.indexPrefix ?? ''}${options.indexName ?? 'faq'}`;
    this.analysis = { synonyms: options.synonyms };
    this.taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.clock = { now: options.now, timeZone: options.timeZone };
  }

  async upsert(docs: SearchDocumentInput[]): Promise<void> {
    const parsed = parseSearchDocuments(docs);
    if (parsed.length === 0) return;
    const index = await this.index();
    await this.run(index.addDocuments(parsed.map((doc) => toMeiliDocument(doc, this.analysis, this.lexicon)), { primaryKey: 'id' }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index();
    await this.run(index.deleteDocuments(ids));
  }

  /**
   * Deletes every entry, then adds the given ones. Meilisearch processes tasks of one index in
   * order (and usually batches these two together), so a search sees either the old or the new
   * set except for a moment on very large indexes.
   */
  async replaceAll(docs: SearchDocumentInput[]): Promise<void> {
    const parsed = parseSearchDocuments(docs);
    const index = await this.index();
    this.lexicon.clear();
    const cleared = index.deleteAllDocuments();
    const added =
      parsed.length > 0
        ? index.addDocuments(parsed.map((doc) => toMeiliDocument(doc, this.analysis, this.lexicon)), { primaryKey: 'id' })
        : undefined;
    await this.run(cleared);
    if (added) await this.run(added);
  }

  async count(): Promise<number> {
    const index = await this.index();
    return (await index.getStats()).numberOfDocuments;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return forgivingSearch(resolveSearchQuery(query), (text, effective) => this.match(text, effective), this.lexicon, this.analysis);
  }

  /**
   * One text searched with the honest matching strategy of the embedded engine: `matchingStrategy:
   * 'all'` first, then, while nothing matches, the same query without the next word of {@link dropOrder}
   * (Meilisearch's own `last` strategy would count partial matches too, and drops from the end only).
   */
  private async match(text: string, effective: EffectiveSearchQuery): Promise<MatchAttempt> {
    const tokens = analyzeTokens(text, this.analysis);
    const words = tokens.map((token) => [token.stem, ...token.synonymKeys.filter((key) => key !== token.stem)]);
    // An empty q would be a placeholder search returning every entry: not what a visitor asked.
    if (words.length === 0) return { hits: [], total: 0, words: 0, dropped: 0 };
    const index = await this.index();
    const params = {
      filter: toMeiliFilter(effective),
      ...(isQuestionLike(text) ? { sort: ['typeRank:asc'] } : {}),
      // Page-based pagination makes Meilisearch count all matches exactly (totalHits).
      hitsPerPage: effective.limit,
      page: 1,
      attributesToRetrieve: [...DISPLAYED_FIELDS],
      showRankingScore: true,
      matchingStrategy: 'all',
    } satisfies SearchParams;
    // Weak words («почему», «такой») are not required, so they are not sent (see requiredWords).
    const mandatory = requiredWords(tokens);
    const kept = new Set(mandatory);
    let order: number[] | undefined;
    for (let dropped = 0; ; dropped++) {
      const response = await index.search<MeiliFaqDocument, typeof params>(toMeiliQuery(words.filter((_, i) => kept.has(i))), params);
      order ??= response.totalHits > 0 ? [] : dropOrder(mandatory, (i) => this.lexicon.frequency(tokens[i]!, i === tokens.length - 1));
      if (response.totalHits > 0 || dropped >= order.length - 1) {
        const terms = { words, prefixLast: true };
        return {
          hits: response.hits.map((hit) => renderHit(hit, hit._rankingScore ?? 0, terms, this.analysis, this.clock)),
          total: response.totalHits,
          words: mandatory.length,
          dropped: response.totalHits === 0 ? mandatory.length : dropped,
        };
      }
      kept.delete(order[dropped]!);
    }
  }

  /** Deletes the whole index; for tests and for a full rebuild. */
  async dropIndex(): Promise<void> {
    this.ready = undefined;
    const task = await this.client.deleteIndex(this.indexUid).waitTask({ timeout: this.taskTimeoutMs });
    if (task.status === 'failed' && task.error?.code !== 'index_not_found') {
      throw new Error(`Meilisearch could not delete index ${this.indexUid}: ${task.error?.message ?? 'unknown error'}`);
    }
  }

  /** Creates the index if needed and applies the settings, once per engine instance. */
  private index(): Promise<Index<MeiliFaqDocument>> {
    this.ready ??= this.prepare().catch((error: unknown) => {
      // Let the next call retry (e.g. the server was still starting).
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async prepare(): Promise<Index<MeiliFaqDocument>> {
    const created = await this.client.createIndex(this.indexUid, { primaryKey: 'id' }).waitTask({ timeout: this.taskTimeoutMs });
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') {
      throw new Error(`Meilisearch could not create index ${this.indexUid}: ${created.error?.message ?? 'unknown error'}`);
    }
    const index = this.client.index<MeiliFaqDocument>(this.indexUid);
    await this.run(index.updateSettings(MEILI_INDEX_SETTINGS));
    return index;
  }

  /** Waits for a task and turns a failed task into an exception (the client only reports it). */
  private async run(task: EnqueuedTaskPromise): Promise<void> {
    const done = await task.waitTask({ timeout: this.taskTimeoutMs });
    if (done.status !== 'succeeded') {
      throw new Error(`Meilisearch task ${done.uid} on ${this.indexUid} ended as ${done.status}: ${done.error?.message ?? 'no details'}`);
    }
  }
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
