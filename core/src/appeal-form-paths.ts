/**
 * Names and addresses of the public appeal forms, without their schemas: the site's pages and islands
 * import this (a few bytes) instead of the whole form table (`appeal-forms.ts`), which pulls in every
 * form's schema. The table is keyed by exactly these names, so a name without a row does not compile.
 */

/** One name per public form; it is also the last segment of the form's address. */
export const APPEAL_FORM_NAMES = [
  'question',
  'complaint',
  'feedback',
  'application-fl',
  'application-ul',
  'readings-household',
  'readings-legal',
] as const;
export type AppealFormName = (typeof APPEAL_FORM_NAMES)[number];

/** Where the site posts the form, e.g. `/api/forms/complaint` (the public server forwards `/api/forms/*` to the CMS). */
export function appealFormApiPath(name: AppealFormName): string {
  return `/api/forms/${name}`;
}

/** The same endpoint as the CMS mounts it under its own `/api`, e.g. `/forms/complaint`. */
export function appealFormEndpointPath(name: AppealFormName): string {
  return `/forms/${name}`;
}
