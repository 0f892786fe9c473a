import type { Payload } from 'payload';
import { createSearchEngine, mergeSynonyms, type SearchDocumentInput, type SearchEngine } from '@portal/search';
import { readCmsEnv } from '../env';
import { GLOBALS } from '../slugs';
import { readSearchDocuments } from './search-source';
import { SEARCH_SOURCES } from './sources';

// Next.js may load this module in several bundles of one process (instrumentation, route handlers); the
// engine must be one per process, so it lives on globalThis.
const ENGINE_KEY = Symbol.for('portal.searchEngine');
type GlobalWithEngine = typeof globalThis & { [ENGINE_KEY]?: SearchEngine };

/** The process's search engine: Meilisearch when MEILI_HOST is set, otherwise the embedded one. */
export function searchEngine(): SearchEngine {
  const holder = globalThis as GlobalWithEngine;
  holder[ENGINE_KEY] ??= createSearchEngine(readCmsEnv());
  return holder[ENGINE_KEY];
}

/** The synonym groups editors keep in the `search-synonyms` global, one line per group. */
export async function readEditorSynonyms(payload: Payload): Promise<string[]> {
  const settings = (await payload.findGlobal({ slug: GLOBALS.searchSynonyms, overrideAccess: true, depth: 0 })) as {
    groups?: { words?: string | null }[] | null;
  };
  return (settings.groups ?? []).map((group) => group.words ?? '').filter((words) => words.trim() !== '');
}

/** Every searchable document of every source, as published. */
export async function readAllSearchDocuments(payload: Payload): Promise<SearchDocumentInput[]> {
  const docs: SearchDocumentInput[] = [];
  for (const source of SEARCH_SOURCES) docs.push(...(await readSearchDocuments(payload, source)));
  return docs;
}

/**
 * Rebuilds the whole index from what is published, with the editors' current synonyms: at start,
 * after synonym or topic changes, and on `npm run reindex`. The new engine is filled first and then
 * takes over, so searches never see a half-built embedded index.
 */
export async function rebuildSearchIndex(payload: Payload): Promise<number> {
  const synonyms = mergeSynonyms(await readEditorSynonyms(payload));
  const docs = await readAllSearchDocuments(payload);
  const engine = createSearchEngine(readCmsEnv(), { synonyms });
  await engine.replaceAll(docs);
  (globalThis as GlobalWithEngine)[ENGINE_KEY] = engine;
  return docs.length;
}
