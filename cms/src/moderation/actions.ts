import type { PayloadRequest } from 'payload';
import { MODERATION_MESSAGES, moderationTransition, POST_LIMITS, type ModerationAction } from '@portal/core/moderation';
import { canModerate, rolesOf } from '../access/roles';
import { loadCompany } from '../appeals/settings/settings';
import { writeAuditEntry } from '../audit/hooks';
import { enqueueLetter } from '../outbox/letters';
import { requestSiteBuild } from '../publishing/site-build';
import { moderatedCollection, type ModeratedCollection } from './registry';
import type { ModeratedDoc } from './fields';

/** Why a moderation action was refused; `status` is the HTTP answer the endpoint gives. */
export class ModerationRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'ModerationRefused';
  }
}

async function load(req: PayloadRequest, slug: string, id: number | string): Promise<{ entry: ModeratedCollection; doc: ModeratedDoc & Record<string, unknown> }> {
  if (!canModerate(rolesOf(req))) throw new ModerationRefused(403, 'Модерировать могут только модераторы и администраторы.');
  const entry = moderatedCollection(slug);
  if (!entry) throw new ModerationRefused(404, 'Такого раздела модерации нет.');
  const doc = (await req.payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as (ModeratedDoc & Record<string, unknown>) | null;
  if (!doc) throw new ModerationRefused(404, 'Текст не найден: возможно, его уже удалили.');
  return { entry, doc: { ...doc, text: String(doc[entry.textField] ?? '') } };
}

function nextState(doc: ModeratedDoc, action: ModerationAction) {
  const next = moderationTransition(doc.moderationState, action, 'moderator');
  if (!next) throw new ModerationRefused(409, doc.moderationState === 'unverified' ? 'Автор ещё не подтвердил адрес: текст не в очереди.' : 'Это действие сейчас недоступно: состояние текста уже изменилось.');
  return next;
}

const userId = (req: PayloadRequest) => (req.user as { id?: number | string } | null | undefined)?.id;

/**
 * Publishes a post: `approved`, who and when recorded, an audit entry, and a site rebuild through the publishing
 * pipeline (the post is on the site as soon as that build is live, normally within seconds).
 */
export async function approvePost(req: PayloadRequest, slug: string, id: number | string, now: Date = new Date()): Promise<void> {
  const { entry, doc } = await load(req, slug, id);
  const next = nextState(doc, 'approve');
  await req.payload.update({ collection: slug as never, id, overrideAccess: true, depth: 0, data: { moderationState: next, approvedAt: now.toISOString(), approvedBy: userId(req) ?? null, rejectionReason: null } as never });
  await writeAuditEntry(req, { action: 'approve', target: slug, documentId: String(id), summary: `${entry.label}: одобрено` });
  await requestSiteBuild(req.payload, `${entry.label} одобрен(о): ${entry.publicPath(doc)}`);
}

/**
 * Rejects a post (or withdraws a published one) with a reason the author receives by e-mail through the outbox;
 * a withdrawn post leaves the site with the next build.
 */
export async function rejectPost(req: PayloadRequest, slug: string, id: number | string, reason: string): Promise<void> {
  const cleaned = reason.trim();
  if (cleaned.length === 0 || cleaned.length > POST_LIMITS.reasonMax) throw new ModerationRefused(400, MODERATION_MESSAGES.reason);
  const { entry, doc } = await load(req, slug, id);
  const wasPublished = doc.moderationState === 'approved';
  const next = nextState(doc, 'reject');
  await req.payload.update({ collection: slug as never, id, overrideAccess: true, depth: 0, data: { moderationState: next, rejectionReason: cleaned, approvedAt: null } as never });
  await writeAuditEntry(req, { action: 'reject', target: slug, documentId: String(id), summary: `${entry.label}: отклонено` });
  const company = await loadCompany(req.payload);
  const companyName = company.shortName || company.name;
  // One letter per rejection: a post published again and rejected again gets a new one.
  const rejections = (await req.payload.count({ collection: 'audit-log' as never, where: { and: [{ target: { equals: slug } }, { documentId: { equals: String(id) } }, { action: { equals: 'reject' } }] }, overrideAccess: true })).totalDocs;
  await enqueueLetter(req.payload, {
    purpose: 'moderation-rejected',
    dedupeKey: `moderation-rejected:${slug}:${String(id)}:${rejections}`,
    to: doc.authorEmail,
    subject: `${entry.label} не опубликован(о) на сайте ${companyName}`,
    text: [
      `Здравствуйте, ${doc.authorName}!`,
      '',
      `Спасибо, что написали нам. К сожалению, модератор не может опубликовать ваш текст (${entry.label.toLowerCase()}).`,
      '',
      `Причина: ${cleaned}`,
      '',
      'Вы можете исправить текст и отправить его снова. Если вам нужен ответ по вашему договору или расчётам, пожалуйста, задайте вопрос специалисту в разделе «Обратная связь» на сайте.',
    ].join('\n'),
  });
  if (wasPublished) await requestSiteBuild(req.payload, `${entry.label} снят(о) с публикации: ${entry.publicPath(doc)}`);
}

/**
 * Edits personal data out of a post: the text is replaced and a redaction (who, when, what kind of data — never the
 * data itself) is recorded; the audit entry names the change, not the removed text. A published post is rebuilt.
 */
export async function redactPost(req: PayloadRequest, slug: string, id: number | string, newText: string, note: string, now: Date = new Date()): Promise<void> {
  const text = newText.trim();
  const cleanNote = note.trim();
  if (text.length === 0 || text.length > POST_LIMITS.textMax) throw new ModerationRefused(400, `Текст после правки должен быть от 1 до ${POST_LIMITS.textMax} символов.`);
  if (cleanNote.length === 0 || cleanNote.length > POST_LIMITS.noteMax) throw new ModerationRefused(400, 'Укажите, какие данные убраны (например, «номер телефона»), не повторяя сами данные.');
  const { entry, doc } = await load(req, slug, id);
  if (doc.moderationState === 'unverified') throw new ModerationRefused(409, 'Автор ещё не подтвердил адрес: текст не в очереди.');
  const redactions = [...(doc.redactions ?? []).map((row) => ({ by: typeof row.by === 'object' && row.by ? (row.by as { id?: unknown }).id : row.by, at: row.at, note: row.note })), { by: userId(req) ?? null, at: now.toISOString(), note: cleanNote }];
  await req.payload.update({ collection: slug as never, id, overrideAccess: true, depth: 0, data: { [entry.textField]: text, redactions } as never });
  await writeAuditEntry(req, { action: 'redact', target: slug, documentId: String(id), summary: `${entry.label}: убрано — ${cleanNote}`, changedFields: [entry.textField] });
  if (doc.moderationState === 'approved') await requestSiteBuild(req.payload, `${entry.label} исправлен(о): ${entry.publicPath(doc)}`);
}
