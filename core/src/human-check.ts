/**
 * The self-hosted proof-of-work check of the public forms (ALTCHA, no third-party service). The browser
 * fetches a signed challenge when the form appears, solves it in the background (no puzzle, nothing for a
 * person or a screen reader to operate) and sends the solution with the form in the `altcha` field.
 * A solved challenge is all the server asks for: no minimum fill time, which would refuse people whose browser
 * autofilled the form (see cms/src/appeals/human-check.ts).
 */

/** Field of the form body that carries the solution. */
export const HUMAN_CHECK_FIELD = 'altcha';

/** The key-derivation algorithm and its cost: a fraction of a second in a browser, expensive in bulk. */
export const HUMAN_CHECK_ALGORITHM = 'PBKDF2/SHA-256';
export const HUMAN_CHECK_COST = 1_000;

/** Messages of the check; neutral, as for the honeypot: a person should rarely see them. */
export const HUMAN_CHECK_MESSAGES = {
  missing: 'Не удалось проверить, что форму отправляет человек. Пожалуйста, обновите страницу и отправьте форму ещё раз',
  expired: 'Страница была открыта слишком давно. Пожалуйста, отправьте форму ещё раз',
  used: 'Эта форма уже была отправлена. Чтобы отправить новое обращение, пожалуйста, обновите страницу и заполните форму ещё раз',
} as const;

/** Longest solution a form may carry: a real one is a few hundred characters of base64. */
export const HUMAN_CHECK_MAX_LENGTH = 4_000;

/**
 * The proof-of-work solution a plain form carries when the page's script solved the challenge (`altcha`), or '' when
 * there is none (no JavaScript) or it cannot be one. The CMS decides whether it is valid.
 */
export function humanCheckSolutionOf(form: URLSearchParams): string {
  const value = form.get(HUMAN_CHECK_FIELD) ?? '';
  return value.length > 0 && value.length <= HUMAN_CHECK_MAX_LENGTH ? value : '';
}
