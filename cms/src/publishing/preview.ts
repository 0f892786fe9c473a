import { inlineHashes } from '@portal/core/csp-hashes';
import fs from 'node:fs';
import path from 'node:path';
import type { Payload } from 'payload';
import { answerToText } from '../search/faq-source';
import { readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';
import { richTextToHtml } from './rich-text-html';
import { siteBuildSettings } from './site-build';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// Styled by a <style> element (allowed by its hash below), not a style attribute, which the preview's CSP blocks.
const BANNER =
  '<style>.portal-preview-banner{margin:0 0 1rem;padding:0.75rem 1rem;border:2px solid #8a5a00;background:#fff4d6;color:#3d2800}</style>' +
  '<p role="note" class="portal-preview-banner">' +
  '<strong>Предпросмотр черновика.</strong> Так страница будет выглядеть после публикации; посетители сайта пока видят прежнюю версию.</p>';

/**
 * The Content-Security-Policy of a preview page. It is served by the CMS, on the staff's origin, and carries an
 * editor's draft: scripts, styles, fonts and images only from the public site (where the template's files live)
 * and the page's own inline elements by hash, as the public server allows them (public-server/src/security-headers.ts);
 * no requests, forms, plugins or framing. Injected markup in a draft therefore cannot run with a staff session.
 */
export function previewContentSecurityPolicy(html: string, siteUrl: string): string {
  const site = new URL(siteUrl).origin;
  const { scriptHashes: scripts, styleHashes: styles } = inlineHashes(html);
  return [
    "default-src 'none'",
    `script-src ${[site, ...scripts].join(' ')}`,
    `style-src ${[site, ...styles].join(' ')}`,
    `img-src ${site} 'self' data:`,
    `font-src ${site}`,
    "connect-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Any built FAQ entry page of the current site: the template the draft is poured into. */
function templatePage(siteDir: string, topic: string, slug: string): string | null {
  const own = path.join(siteDir, 'faq', topic, slug, 'index.html');
  if (fs.existsSync(own)) return fs.readFileSync(own, 'utf8');
  const faqDir = path.join(siteDir, 'faq');
  if (!fs.existsSync(faqDir)) return null;
  for (const topicDir of fs.readdirSync(faqDir)) {
    const dir = path.join(faqDir, topicDir);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const entryDir of fs.readdirSync(dir)) {
      const file = path.join(dir, entryDir, 'index.html');
      if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
    }
  }
  return null;
}

/**
 * Renders the latest draft of a FAQ entry through the site's own template: a built entry page of the current site
 * (its layout, header, footer and styles), with the question and answer replaced by the draft's. The site marks the
 * replaced parts with `data-preview`. Nothing is published or built. Returns null when the entry does not exist.
 */
export async function renderFaqPreview(payload: Payload, id: number | string): Promise<string | null> {
  // Route parameters are text; SQLite ids are integers.
  const key = payload.db.defaultIDType === 'number' ? Number(id) : id;
  if (key === '' || Number.isNaN(key)) return null;
  const draft = (await payload.findByID({ collection: COLLECTIONS.faq, id: key, draft: true, depth: 1, overrideAccess: true, disableErrors: true })) as {
    question?: string;
    slug?: string;
    answer?: unknown;
    topic?: { slug?: string } | null;
  } | null;
  if (!draft) return null;
  const question = escapeHtml(draft.question ?? '');
  // The same converter as the site export, so the answer looks exactly as it will once published.
  const answerHtml = richTextToHtml(draft.answer);
  const settings = siteBuildSettings();
  const siteDir = settings && fs.existsSync(settings.currentLink) ? fs.realpathSync(settings.currentLink) : null;
  const template = siteDir ? templatePage(siteDir, draft.topic?.slug ?? '', draft.slug ?? '') : null;
  const siteUrl = readCmsEnv().SITE_URL.replace(/\/$/, '');
  if (!template) {
    return `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${question}</title></head><body><main>${BANNER}<h1>${question}</h1>${answerHtml}</main></body></html>`;
  }
  return (
    template
      .replace(/<title>[\s\S]*?<\/title>/, `<title>Предпросмотр: ${question}</title>`)
      // Search engines never see a preview; the published description must not show the old text either.
      .replace(/<meta name="description" content="[^"]*">/, `<meta name="description" content="${question}">`)
      .replace(/(<h1[^>]*data-preview="question"[^>]*>)[\s\S]*?<\/h1>/, `${BANNER}$1${question}</h1>`)
      // The schema.org answer text (microdata) follows the draft too.
      .replace(/<meta itemprop="text" content="[^"]*">/, `<meta itemprop="text" content="${escapeHtml(answerToText(draft.answer))}">`)
      // The answer block is the last element of the article: replace up to the article's end.
      .replace(/(<div[^>]*data-preview="answer"[^>]*>)[\s\S]*?<\/div>(\s*<\/article>)/, `$1${answerHtml}</div>$2`)
      // Styles and scripts are served by the public site, not by the CMS.
      .replace(/(href|src)="\/_astro\//g, `$1="${siteUrl}/_astro/`)
      .replace('<head>', '<head><meta name="robots" content="noindex">')
  );
}
