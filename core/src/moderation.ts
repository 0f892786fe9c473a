import { z } from 'zod';
import { findPersonalData, PERSONAL_DATA_LABELS, type PersonalDataKind } from './pii-guard';

/**
 * The one moderation pipeline for everything the public writes (reviews, forum posts): nothing is shown before a
 * moderator approves it. A post is `unverified` until its author follows the link e-mailed to them, then `pending`
 * in the moderators' queue, then `approved` (published) or `rejected` (with a reason e-mailed to the author).
 */
export const MODERATION_STATES = ['unverified', 'pending', 'approved', 'rejected'] as const;
export const ModerationStateSchema = z.enum(MODERATION_STATES);
export type ModerationState = z.output<typeof ModerationStateSchema>;

/** Russian names for the admin. */
export const MODERATION_STATE_LABELS: Record<ModerationState, string> = {
  unverified: 'Адрес автора не подтверждён',
  pending: 'Ждёт модерации',
  approved: 'Опубликовано',
  rejected: 'Отклонено',
};

/** Who moves a post: its author (by the e-mail link) or a moderator (moderators and administrators). */
export type ModerationActor = 'author' | 'moderator';

/** What moves a post from one state to another. */
export type ModerationAction = 'verify' | 'approve' | 'reject';

/**
 * Allowed transitions, written out: the author only verifies their address; a moderator approves or rejects a post in
 * the queue, may withdraw a published one (reject) and may publish one rejected by mistake. A moderator never skips
 * the author's verification: an unverified post is not in the queue.
 */
const TRANSITIONS: readonly { from: ModerationState; action: ModerationAction; actor: ModerationActor; to: ModerationState }[] = [
  { from: 'unverified', action: 'verify', actor: 'author', to: 'pending' },
  { from: 'pending', action: 'approve', actor: 'moderator', to: 'approved' },
  { from: 'pending', action: 'reject', actor: 'moderator', to: 'rejected' },
  { from: 'approved', action: 'reject', actor: 'moderator', to: 'rejected' },
  { from: 'rejected', action: 'approve', actor: 'moderator', to: 'approved' },
];

/** The state `action` by `actor` leads to from `from`, or null when it is not allowed. */
export function moderationTransition(from: ModerationState, action: ModerationAction, actor: ModerationActor): ModerationState | null {
  return TRANSITIONS.find((row) => row.from === from && row.action === action && row.actor === actor)?.to ?? null;
}

/** One finding of the personal-data guard, labelled for the moderators' queue. */
export interface ModerationFinding {
  kind: PersonalDataKind;
  /** Russian name of the kind, e.g. «номер телефона». */
  label: string;
  /** The matching fragment, for the moderator to find and edit out. */
  text: string;
}

/** The personal-data guard's findings in a post's text (core/src/pii-guard.ts), for the queue; empty when clean. */
export function moderationFindings(text: string): ModerationFinding[] {
  return findPersonalData(text).map((match) => ({ kind: match.kind, label: PERSONAL_DATA_LABELS[match.kind], text: match.text }));
}

/** How long the author's verification link works. */
export const VERIFY_VALID_HOURS = 72;

/** Limits of what the public writes. */
export const POST_LIMITS = { nameMax: 60, textMin: 20, textMax: 3000, reasonMax: 1000, noteMax: 300 } as const;

export const MODERATION_MESSAGES = {
  name: `Укажите имя, которое будет показано рядом с текстом (до ${POST_LIMITS.nameMax} символов)`,
  email: 'Укажите адрес электронной почты, например ivanova@mail.ru: на него придёт ссылка для подтверждения',
  text: `Напишите текст: от ${POST_LIMITS.textMin} до ${POST_LIMITS.textMax} символов`,
  consent: 'Без согласия на обработку персональных данных мы не сможем принять текст',
  rules: 'Подтвердите, что прочитали правила форума и отзывов',
  reason: 'Укажите причину отказа: её получит автор',
  linkExpired: `Ссылка устарела: она действует ${VERIFY_VALID_HOURS} часа. Пожалуйста, отправьте текст ещё раз.`,
  linkInvalid: 'Ссылка не найдена. Пожалуйста, скопируйте её из письма целиком.',
  verified: 'Спасибо, адрес подтверждён. Текст передан модератору и появится на сайте после проверки.',
  accepted: 'Проверьте почту: мы отправили письмо со ссылкой. После подтверждения адреса текст проверит модератор.',
} as const;

const checkbox = (value: unknown) => value === true || value === 'on' || value === 'true' || value === 'yes';

/** What every public post carries besides its own fields: the author's shown name, e-mail, text and consents. */
export const PublicPostBaseSchema = z.object({
  /** Shown publicly next to the text. */
  authorName: z.string({ error: MODERATION_MESSAGES.name }).trim().min(1, MODERATION_MESSAGES.name).max(POST_LIMITS.nameMax, MODERATION_MESSAGES.name),
  /** Never shown; the verification link and a rejection's reason go there. */
  authorEmail: z.string({ error: MODERATION_MESSAGES.email }).trim().toLowerCase().max(254, MODERATION_MESSAGES.email).pipe(z.email({ error: MODERATION_MESSAGES.email })),
  text: z.string({ error: MODERATION_MESSAGES.text }).trim().min(POST_LIMITS.textMin, MODERATION_MESSAGES.text).max(POST_LIMITS.textMax, MODERATION_MESSAGES.text),
  consent: z.preprocess(checkbox, z.literal(true, { error: MODERATION_MESSAGES.consent })),
  rules: z.preprocess(checkbox, z.literal(true, { error: MODERATION_MESSAGES.rules })),
});
export type PublicPostBase = z.output<typeof PublicPostBaseSchema>;

/** The public page with the rules, linked from every form. */
export { MODERATION_RULES_PATH } from './site-paths';
