import { loadSiteExport } from './export';
import { sortTopics } from './faq-catalog';
import { DEFAULT_PRIVACY_PATH } from './urls';

/** What the topic-based form pages (question, complaint, feedback) pass to their islands, from the site export. */
export async function loadFormPageData() {
  const data = await loadSiteExport();
  return {
    company: data.company,
    /** Topics in display order, only what the island's select needs. */
    topics: sortTopics(data.topics).map(({ slug, title }) => ({ slug, title })),
    privacyPolicyUrl: data.company.privacyPolicyUrl || DEFAULT_PRIVACY_PATH,
    attachmentLimits: data.forms.attachmentLimits,
  };
}
