import { createHash, randomBytes } from 'node:crypto';
import type { Payload } from 'payload';
import { MODERATION_MESSAGES, MODERATION_RULES_PATH, moderationTransition, VERIFY_VALID_HOURS } from '@portal/core/moderation';
import { loadCompany } from '../appeals/settings/settings';
import { readCmsEnv } from '../env';
import { enqueueLetter } from '../outbox/letters';
import { MODERATED_COLLECTIONS, moderatedCollection } from './registry';
import type { ModeratedDoc } from './fields';
import type { PublicPostInput } from '@portal/core/moderation-submission';

/** The public address of the verification link (the public server forwards it to the CMS). */
export const VERIFY_PATH = '/api/moderation/verify';

export type { PublicPostInput } from '@portal/core/moderation-submission';

/** Options of {@link submitPublicPost}: the clock (tests). */
export interface SubmitOptions {
  now?: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The verification letter: plain, polite, with the link and how long it works; no copy of the text. */
export function verificationLetter(input: { companyName: string; label: string; url: string; siteUrl: string }): { subject: string; text: string } {
  return {
    subject: `Подтвердите адрес: ${input.label.toLowerCase()} на сайте ${input.companyName}`,
    text: [
      'Здравствуйте!',
      '',
      `С этого адреса на сайт ${input.companyName} отправлен текст (${input.label.toLowerCase()}). Чтобы передать его модератору, пожалуйста, подтвердите адрес по ссылке:`,
      '',
      input.url,
      '',
      `Ссылка действует ${VERIFY_VALID_HOURS} часа. Текст появится на сайте после проверки модератором. Правила: ${input.siteUrl}${MODERATION_RULES_PATH}`,
      '',
      'Если вы ничего не отправляли, просто не отвечайте на это письмо: без подтверждения текст не будет опубликован.',
    ].join('\n'),
  };
}

/**
 * Stores a post the public wrote as `unverified` and enqueues the verification letter through the outbox (durable
 * before this returns; one letter per post). The caller has checked the input and the proof-of-work; the answer to
 * the visitor is the same neutral «Проверьте почту…» whatever happens next. Throws for a slug that is not moderated.
 */
export async function submitPublicPost(payload: Payload, slug: string, input: PublicPostInput, options: SubmitOptions = {}): Promise<{ id: number | string }> {
  const entry = moderatedCollection(slug);
  if (!entry) throw new Error(`${slug} is not a moderated collection`);
  const now = options.now ?? new Date();
  const company = await loadCompany(payload);
  const token = randomBytes(32).toString('base64url');
  const created = (await payload.create({
    collection: slug as never,
    overrideAccess: true,
    depth: 0,
    data: {
      ...input.data,
      [entry.textField]: input.text,
      authorName: input.authorName,
      authorEmail: input.authorEmail,
      moderationState: 'unverified',
      submittedAt: now.toISOString(),
      verificationTokenHash: hashToken(token),
      consent: { version: company.consentVersion, acceptedAt: now.toISOString() },
      official: false,
    } as never,
  })) as unknown as { id: number | string };
  const siteUrl = readCmsEnv().SITE_URL.replace(/\/$/, '');
  const letter = verificationLetter({ companyName: company.shortName || company.name, label: entry.label, url: `${siteUrl}${VERIFY_PATH}?t=${token}`, siteUrl });
  await enqueueLetter(payload, { purpose: 'moderation-verify', dedupeKey: `moderation-verify:${slug}:${String(created.id)}`, to: input.authorEmail, ...letter });
  return { id: created.id };
}

/** Outcome of {@link verifyPublicPost}. */
export type VerifyOutcome = { kind: 'verified' | 'already'; slug: string; id: number | string } | { kind: 'expired' | 'unknown'; message: string };

/**
 * The author followed the link: the post goes to the moderators' queue (`pending`). Idempotent: a second click
 * answers «already» and changes nothing. A link older than {@link VERIFY_VALID_HOURS} hours is refused in Russian.
 */
export async function verifyPublicPost(payload: Payload, token: string, now: Date = new Date()): Promise<VerifyOutcome> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { kind: 'unknown', message: MODERATION_MESSAGES.linkInvalid };
  const hash = hashToken(token);
  for (const entry of MODERATED_COLLECTIONS) {
    const found = await payload.find({ collection: entry.slug as never, where: { verificationTokenHash: { equals: hash } }, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true });
    const doc = found.docs[0] as unknown as ModeratedDoc | undefined;
    if (!doc) continue;
    if (doc.moderationState !== 'unverified') return { kind: 'already', slug: entry.slug, id: doc.id };
    const submitted = doc.submittedAt ? Date.parse(doc.submittedAt) : 0;
    if (now.getTime() - submitted > VERIFY_VALID_HOURS * 3_600_000) return { kind: 'expired', message: MODERATION_MESSAGES.linkExpired };
    const next = moderationTransition(doc.moderationState, 'verify', 'author');
    if (!next) return { kind: 'already', slug: entry.slug, id: doc.id };
    await payload.update({ collection: entry.slug as never, id: doc.id, overrideAccess: true, depth: 0, data: { moderationState: next, emailVerifiedAt: now.toISOString() } as never });
    return { kind: 'verified', slug: entry.slug, id: doc.id };
  }
  return { kind: 'unknown', message: MODERATION_MESSAGES.linkInvalid };
}
