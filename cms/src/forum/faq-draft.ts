import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { faqDraftQuestion, faqDraftText } from '@portal/core/forum';
import { slugify } from '@portal/core/transliteration';
import { writeAuditEntry } from '../audit/hooks';
import { COLLECTIONS } from '../slugs';
import { canMakeFaqDraft } from './access';

type Id = number | string;

/** Plain text as the FAQ's rich text: one paragraph per block of lines, no markup taken from the visitor's text. */
export function plainTextToLexical(text: string): Record<string, unknown> {
  const paragraphs = text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((block) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text: block.replace(/\s*\n\s*/g, ' '), format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
      })),
    },
  };
}

/** The outcome of «Сделать черновик вопроса FAQ». */
export type FaqDraftOutcome = { faqId: Id; created: boolean } | { refused: 'not-found' | 'not-approved' };

const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));

/**
 * Makes a FAQ draft from an approved forum post: the thread's title as the question, the post's text as the answer with
 * what the personal-data guard finds and the author's shown name replaced by «[скрыто]», the thread's section as the
 * topic. A draft is never published by this: an editor finishes it. One draft per post (a second call returns it).
 */
export async function createFaqDraftFromPost(req: PayloadRequest, postId: Id): Promise<FaqDraftOutcome> {
  const payload: Payload = req.payload;
  const post = (await payload.findByID({ collection: COLLECTIONS.forumPosts, id: postId, depth: 0, overrideAccess: true }).catch(() => null)) as
    | { id: Id; thread: unknown; text: string; authorName?: string; moderationState?: string; faqDraft?: unknown }
    | null;
  if (!post) return { refused: 'not-found' };
  if (post.moderationState !== 'approved') return { refused: 'not-approved' };
  const existing = idOf(post.faqDraft);
  if (existing !== null) return { faqId: existing, created: false };
  const threadId = idOf(post.thread);
  const thread = threadId === null ? null : ((await payload.findByID({ collection: COLLECTIONS.forumThreads, id: threadId, depth: 0, overrideAccess: true }).catch(() => null)) as { title: string; section: unknown } | null);
  if (!thread) return { refused: 'not-found' };
  const question = faqDraftQuestion(thread.title);
  const faq = await payload.create({
    collection: COLLECTIONS.faq,
    draft: true,
    overrideAccess: true,
    data: {
      question,
      // Suffixed with the post id: unique, and the editor may change it before publishing.
      slug: `${slugify(question, 50) || 'vopros'}-forum-${String(post.id)}`,
      topic: idOf(thread.section),
      audience: 'all',
      answer: plainTextToLexical(faqDraftText(post.text, post.authorName)),
      _status: 'draft',
    } as never,
  });
  await payload.update({ collection: COLLECTIONS.forumPosts, id: post.id, overrideAccess: true, depth: 0, data: { faqDraft: faq.id } as never });
  await writeAuditEntry(req, { action: 'create', target: COLLECTIONS.faq, documentId: String(faq.id), summary: `Черновик вопроса FAQ из сообщения форума #${String(post.id)}` });
  return { faqId: faq.id, created: true };
}

/** `POST /api/forum-posts/:id/faq-draft`: the «Сделать черновик вопроса FAQ» button (editors and administrators). */
export const faqDraftEndpoint: Endpoint = {
  path: '/:id/faq-draft',
  method: 'post',
  handler: async (req) => {
    if (!canMakeFaqDraft(req)) return Response.json({ message: 'Черновики вопросов FAQ делают редакторы.' }, { status: 403 });
    const id = req.routeParams?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указано сообщение.' }, { status: 400 });
    const outcome = await createFaqDraftFromPost(req, id);
    if ('refused' in outcome) {
      return outcome.refused === 'not-found'
        ? Response.json({ message: 'Сообщение не найдено.' }, { status: 404 })
        : Response.json({ message: 'Черновик можно сделать только из опубликованного сообщения.' }, { status: 409 });
    }
    return Response.json({ ...outcome, adminUrl: `/admin/collections/${COLLECTIONS.faq}/${String(outcome.faqId)}` }, { status: outcome.created ? 201 : 200 });
  },
};
