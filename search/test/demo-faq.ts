// The demo documents live in src/ so the bench can use them too (`@portal/search/demo-documents`).
export { loadDemoFaqDocuments, loadDemoRelevanceQueries, loadDemoSearchDocuments, loadDemoSiteDocuments, relevanceKey } from '../src/demo-documents';
