import type { APIRoute } from 'astro';
import { loadSiteExport } from '../../../lib/export';
import { pricesCsv } from '../../../lib/open-data';

/** Open data: unregulated prices as CSV. */
export const GET: APIRoute = async () => {
  const data = await loadSiteExport();
  return new Response(pricesCsv(data.unregulatedPrices), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
