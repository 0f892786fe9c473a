import type { APIRoute } from 'astro';
import { loadSiteExport } from '../../../lib/export';
import { tariffsJson } from '../../../lib/open-data';

/** Open data: every published tariff period as JSON. */
export const GET: APIRoute = async () => {
  const data = await loadSiteExport();
  return new Response(tariffsJson(data.tariffPeriods, data.generatedAt), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
