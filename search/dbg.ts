import { EmbeddedSearchEngine } from './src/embedded-engine';
import { loadDemoSearchDocuments } from './src/demo-documents';
import { analyzeTokens } from './src/analysis';
const e = new EmbeddedSearchEngine();
await e.replaceAll(loadDemoSearchDocuments());
for (const q of process.argv.slice(2)) {
  console.log(q, JSON.stringify(analyzeTokens(q).map(t => [t.stem, t.synonymKeys, t.weak])));
  const r = await e.search({ q, limit: 5 });
  console.log(' ', r.total, r.searchedAs ?? '', r.didYouMean ?? '', r.hits.map(h => h.id).join(' '));
}
