/**
 * The first validation message for the visitor, always in Russian: schema messages are written in Russian, but
 * zod's own fallbacks (a body that is not an object at all) are English, and those are replaced.
 */
export function russianIssue(issues: readonly { message: string }[], fallback = 'Запрос составлен неверно. Пожалуйста, обновите страницу и попробуйте ещё раз.'): string {
  const message = issues[0]?.message;
  return message && /[а-яё]/i.test(message) ? message : fallback;
}
