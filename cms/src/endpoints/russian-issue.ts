/**
 * The first validation message for the visitor. Every message is Russian: the schemas carry the project's own
 * messages, and zod's fallbacks come from its Russian locale (cms/src/zod-locale.ts, set at start). A body that is
 * not an object at all (no field to point at) gets the plain `fallback` instead of zod's technical wording.
 */
export function russianIssue(issues: readonly { message: string; path?: readonly PropertyKey[] }[], fallback = 'Запрос составлен неверно. Пожалуйста, обновите страницу и попробуйте ещё раз.'): string {
  const issue = issues[0];
  return issue && issue.path?.length !== 0 ? issue.message : fallback;
}
