import type { APIRoute } from 'astro';
import { loadSiteExport } from '../../../lib/export';
import { pricesJson } from '../../../lib/open-data';

/** Open data: unregulated prices as JSON. */
export const GET: APIRoute = async () => {
  const data = await loadSiteExport();
  return new Response(pricesJson(data.unregulatedPrices, data.generatedAt), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
