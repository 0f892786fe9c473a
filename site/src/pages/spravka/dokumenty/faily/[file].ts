import type { APIRoute, GetStaticPaths } from 'astro';
import { documentFileNames, documentFileSource } from '../../../../lib/document-files';
import { loadSiteExport } from '../../../../lib/export';

/** Copies each published document file from the CMS into the static site, so downloads need no CMS. */
export const getStaticPaths = (async () => {
  const data = await loadSiteExport();
  return documentFileNames(data).map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = String(params.file);
  const source = documentFileSource(name);
  const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`Document file ${name}: ${source} answered HTTP ${response.status}`);
  return new Response(await response.arrayBuffer());
};
