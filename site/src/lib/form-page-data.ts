import { loadSiteExport } from './export';
import { sortTopics } from './faq-catalog';
import { DEFAULT_PRIVACY_PATH } from './urls';

/** What the appeal form pages (question, complaint, feedback, service application) pass to their islands, from the site export. */
export async function loadFormPageData() {
  const data = await loadSiteExport();
  return {
    company: data.company,
    /** Topics in display order, only what the island's select needs. */
    topics: sortTopics(data.topics).map(({ slug, title }) => ({ slug, title })),
    /** Settlements and districts for the optional «Населённый пункт / район» select (empty: no select). */
    territories: data.territories.map(({ slug, name }) => ({ slug, title: name })),
    privacyPolicyUrl: data.company.privacyPolicyUrl || DEFAULT_PRIVACY_PATH,
    attachmentLimits: data.forms.attachmentLimits,
  };
}
