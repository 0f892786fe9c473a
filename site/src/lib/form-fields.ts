/**
 * Ids and error-summary order of any public form's fields. Each form has an id prefix (`vopros`,
 * `zhaloba`…), so two forms never clash and a test or a screen reader finds the same ids every time.
 */

/** One line of the error summary. */
export interface ErrorSummaryItem {
  field: string;
  message: string;
  href: string;
}

/** The id helpers of one form. */
export interface FormFieldIds {
  /** Ids of a field's input (or a radio option), hint and error message. */
  fieldIds(field: string, value?: string): { input: string; hint: string; error: string };
  /** The id of the element an error summary link points at and focuses (a radio group's first option). */
  fieldFocusId(field: string): string;
  /** Errors of visible fields in page order, each linking to the element that should get focus. */
  errorSummaryItems(messages: Partial<Record<string, string | undefined>>): ErrorSummaryItem[];
}

/**
 * Builds the id helpers of a form. `order` lists the visible fields in page order; `radioFirstValue` names
 * the first option of each radio group, which is what gets focus.
 */
export function formFieldIds(prefix: string, order: readonly string[], radioFirstValue: Partial<Record<string, string>> = {}): FormFieldIds {
  const fieldIds = (field: string, value?: string) => {
    const base = `${prefix}-${field}`;
    return { input: value ? `${base}-${value}` : base, hint: `${base}-hint`, error: `${base}-error` };
  };
  const fieldFocusId = (field: string) => fieldIds(field, radioFirstValue[field]).input;
  return {
    fieldIds,
    fieldFocusId,
    errorSummaryItems: (messages) =>
      order.flatMap((field) => {
        const message = messages[field];
        return message ? [{ field, message, href: `#${fieldFocusId(field)}` }] : [];
      }),
  };
}

/** `aria-describedby` from the ids that are present, hint first as in GOV.UK Frontend; undefined if none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
