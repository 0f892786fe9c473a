import type { QuestionFormField } from '@portal/core/question-form';
import { formFieldIds } from './form-fields';

export { describedBy } from './form-fields';

/** The visible fields of the question form in page order; the error summary lists errors in it. */
export const QUESTION_FIELD_ORDER = [
  'audience',
  'name',
  'email',
  'phone',
  'answerChannel',
  'postalAddress',
  'territory',
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

const IDS = formFieldIds('vopros', QUESTION_FIELD_ORDER, RADIO_FIRST_VALUE);

/** The id of the element an error summary link points at and focuses. */
export function fieldFocusId(field: VisibleQuestionField): string {
  return IDS.fieldFocusId(field);
}

/** Ids of a field's input (or a radio option), hint and error message. */
export function fieldIds(field: VisibleQuestionField | 'website', value?: string) {
  return IDS.fieldIds(field, value);
}

/** One line of the error summary. */
export interface ErrorSummaryItem {
  field: VisibleQuestionField;
  message: string;
  href: string;
}

/** Errors of visible fields in page order, each linking to the element that should get focus. */
export function errorSummaryItems(messages: Partial<Record<string, string | undefined>>): ErrorSummaryItem[] {
  return IDS.errorSummaryItems(messages) as ErrorSummaryItem[];
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
