import type { QuestionFormField } from '@portal/core/question-form';

/** The visible fields of the question form in page order; the error summary lists errors in it. */
export const QUESTION_FIELD_ORDER = [
  'audience',
  'name',
  'email',
  'phone',
  'answerChannel',
  'postalAddress',
  'topic',
  'accountNumber',
  'text',
  'consent',
] as const satisfies readonly QuestionFormField[];

/** A field a person can see and correct (everything but the honeypot). */
export type VisibleQuestionField = (typeof QUESTION_FIELD_ORDER)[number];

/** Radio groups are focused on their first option, which is the first value listed here. */
export const RADIO_FIRST_VALUE: Partial<Record<VisibleQuestionField, string>> = {
  audience: 'fl',
  answerChannel: 'email',
};

/** Longest pre-filled text, the same limit as the schema's. */
export const MAX_PREFILL_TEXT = 5000;

const ID_PREFIX = 'vopros';

/** The id of the element an error summary link points at and focuses. */
export function fieldFocusId(field: VisibleQuestionField): string {
  const firstValue = RADIO_FIRST_VALUE[field];
  return firstValue ? `${ID_PREFIX}-${field}-${firstValue}` : `${ID_PREFIX}-${field}`;
}

/** Ids of a field's input (or a radio option), hint and error message. */
export function fieldIds(field: VisibleQuestionField | 'website', value?: string) {
  const base = `${ID_PREFIX}-${field}`;
  return { input: value ? `${base}-${value}` : base, hint: `${base}-hint`, error: `${base}-error` };
}

/** `aria-describedby` from the ids that are present, hint first as in GOV.UK Frontend; undefined if none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/** One line of the error summary. */
export interface ErrorSummaryItem {
  field: VisibleQuestionField;
  message: string;
  href: string;
}

/** Errors of visible fields in page order, each linking to the element that should get focus. */
export function errorSummaryItems(messages: Partial<Record<string, string | undefined>>): ErrorSummaryItem[] {
  return QUESTION_FIELD_ORDER.flatMap((field) => {
    const message = messages[field];
    return message ? [{ field, message, href: `#${fieldFocusId(field)}` }] : [];
  });
}

/**
 * Pre-fill from the page URL: `topic` (only a known slug) from FAQ pages and `text` from a search
 * that found nothing (`/vopros/?text=…`).
 */
export function readQuestionPrefill(search: string, topicSlugs: readonly string[]): { topic?: string; text?: string } {
  const params = new URLSearchParams(search);
  const prefill: { topic?: string; text?: string } = {};
  const topic = params.get('topic');
  if (topic && topicSlugs.includes(topic)) prefill.topic = topic;
  const text = params.get('text')?.trim();
  if (text) prefill.text = text.slice(0, MAX_PREFILL_TEXT);
  return prefill;
}
