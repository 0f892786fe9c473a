/** Values a template's placeholders are filled with. */
export interface AnswerTemplateValues {
  /** The client's name as given (name and patronymic for the salutation). */
  name: string;
  /** Registration number. */
  number: string;
  /** Registration date in Russian, «20 ноября 2026 г.». */
  date: string;
  /** The handler's concrete answer. */
  answer: string;
  /** The handler's name and position for the signature. */
  handler: string;
  position: string;
}

/** The placeholders templates may use, with their Russian descriptions for the editors. */
export const ANSWER_PLACEHOLDERS: Record<keyof AnswerTemplateValues, string> = {
  name: 'имя и отчество заявителя',
  number: 'регистрационный номер обращения',
  date: 'дата регистрации обращения',
  answer: 'текст ответа специалиста',
  handler: 'имя специалиста',
  position: 'должность специалиста',
};

/**
 * Fills `{{name}}`, `{{number}}`, `{{date}}`, `{{answer}}`, `{{handler}}` and `{{position}}` in a plain-text
 * template. Unknown placeholders are left as written, so an editor's typo shows in the preview instead of
 * silently vanishing. A template without `{{answer}}` gets the answer appended, so it is never lost.
 */
export function fillAnswerTemplate(template: string, values: AnswerTemplateValues): string {
  const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as keyof AnswerTemplateValues] : whole,
  );
  return /\{\{\s*answer\s*\}\}/.test(template) ? filled : `${filled.trimEnd()}\n\n${values.answer}`;
}
