import type { Payload } from 'payload';
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html';
import { SiteExportSchema, type SiteExport } from '@portal/core/site-export';
import { loadCompany, loadFormSettings } from '../appeals/settings';
import { answerToText, findPublishedFaq } from '../search/faq-source';
import { exportRedirects } from '../publishing/redirects';
import { COLLECTIONS } from '../slugs';

/**
 * The published-content snapshot the static site is built from. Published FAQ only, public company data
 * only; validated against the shared contract before it leaves the process.
 */
export async function buildSiteExport(payload: Payload): Promise<SiteExport> {
  const [company, topics, faq, redirects, services, forms] = await Promise.all([
    loadCompany(payload),
    payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
    findPublishedFaq(payload),
    exportRedirects(payload),
    payload.find({ collection: COLLECTIONS.services, where: { active: { equals: true } }, pagination: false, depth: 0, sort: 'order', overrideAccess: true }),
    loadFormSettings(payload),
  ]);
  return SiteExportSchema.parse({
    generatedAt: new Date().toISOString(),
    company: {
      name: company.name,
      shortName: company.shortName,
      region: company.region,
      hotline: company.hotline,
      email: company.email,
      address: company.address,
      timeZone: company.timeZone,
      privacyPolicyUrl: company.privacyPolicyUrl,
      offices: company.offices,
    },
    topics: topics.docs.map((doc) => {
      const topic = doc as unknown as { slug: string; title: string; description?: string | null; order?: number | null };
      return { slug: topic.slug, title: topic.title, description: topic.description ?? '', order: topic.order ?? 0 };
    }),
    faq: faq.map((entry) => ({
      slug: entry.slug,
      question: entry.question,
      answerHtml: convertLexicalToHTML({ data: entry.answer as Parameters<typeof convertLexicalToHTML>[0]['data'], disableContainer: true }),
      answerText: answerToText(entry.answer),
      topic: (entry.topic as { slug?: string } | null)?.slug ?? '',
      audience: entry.audience,
      updatedAt: (entry as unknown as { updatedAt: string }).updatedAt,
    })),
    redirects,
    services: services.docs.map((doc) => {
      const service = doc as unknown as { slug: string; title: string; audience: 'fl' | 'ul' | 'all'; description?: string | null };
      return { slug: service.slug, title: service.title, audience: service.audience, description: service.description ?? '' };
    }),
    forms: { readingsWindow: forms.readingsWindow, attachmentLimits: forms.attachmentLimits },
  });
}
