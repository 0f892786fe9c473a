import { QuestionSchema, type Question } from '@portal/core/questionnaire';

/** A question as the CMS stores it (one row of the «Вопросы» array). */
export interface QuestionRow {
  id?: string | null;
  text?: string | null;
  kind?: string | null;
  required?: boolean | null;
  options?: { label?: string | null }[] | null;
  showIfQuestion?: number | null;
  showIfAnswer?: string | null;
}

/**
 * The stored rows as the shared question model. A row not saved yet has no id; its position stands in, which is
 * enough for checking the editor's conditions (they name questions by number).
 */
export function questionsOf(rows: readonly QuestionRow[]): Question[] {
  return rows.map((row, index) =>
    QuestionSchema.parse({
      id: row.id || `new-${index + 1}`,
      text: row.text?.trim() || `Вопрос ${index + 1}`,
      kind: row.kind ?? 'single',
      required: Boolean(row.required),
      options: (row.options ?? []).map((option) => option.label?.trim() ?? '').filter(Boolean),
      showIf: row.showIfQuestion && row.showIfAnswer?.trim() ? { question: row.showIfQuestion, answer: row.showIfAnswer.trim() } : null,
    }),
  );
}
