import type { APIRoute } from 'astro';
import { loadSiteExport } from '../../../lib/export';
import { tariffsCsv } from '../../../lib/open-data';

/** Open data: every published tariff period as CSV. */
export const GET: APIRoute = async () => {
  const data = await loadSiteExport();
  return new Response(tariffsCsv(data.tariffPeriods), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
