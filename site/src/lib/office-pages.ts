import type { ExportOffice } from '@portal/core/site-export';
import { loadSiteExport } from './export';

/** Static paths of the detail pages of one kind of place (offices or payment points), one per slug. */
export async function officePagePaths(kind: ExportOffice['kind']) {
  const data = await loadSiteExport();
  return data.offices.filter((office) => office.kind === kind).map((office) => ({ params: { slug: office.slug }, props: { slug: office.slug } }));
}
