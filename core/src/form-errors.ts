import type { z } from 'zod';

/**
 * Validation errors of public forms in the shape the browser form and the API share: one Russian message
 * per field, under the same path the form field uses.
 */

/** The general message of a 400 response when some fields are wrong. */
export const FORM_ERROR_MESSAGE = 'Проверьте, пожалуйста, поля формы';

/** Key for errors that belong to the form as a whole (e.g. the body is not an object at all). */
export const FORM_LEVEL_ERROR_KEY = '_form';

/** Body of the 400 response of a form endpoint. */
export interface FormErrorResponse {
  message: string;
  fieldErrors: Record<string, string>;
}

/**
 * The first message per field path (`postalAddress`, `items.0.serial`), the one a person should fix first;
 * an error without a path goes under {@link FORM_LEVEL_ERROR_KEY}.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || FORM_LEVEL_ERROR_KEY;
    if (!Object.hasOwn(result, key)) result[key] = issue.message;
  }
  return result;
}

/** The whole 400 body: `{ message: 'Проверьте, пожалуйста, поля формы', fieldErrors }`. */
export function formErrorResponse(error: z.ZodError): FormErrorResponse {
  return { message: FORM_ERROR_MESSAGE, fieldErrors: fieldErrors(error) };
}
