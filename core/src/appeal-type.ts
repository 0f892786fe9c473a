import { z } from 'zod';

/**
 * Kinds of appeals the portal registers. The type decides the deadline (see `deadlines.ts`) and the
 * letter in the registration number (see `registration-number.ts`).
 */
export const APPEAL_TYPES = ['question', 'application', 'complaint', 'feedback', 'readings', 'email'] as const;

/** Appeal type code as stored with each appeal. */
export const AppealTypeSchema = z.enum(APPEAL_TYPES, { error: 'Выберите вид обращения' });
export type AppealType = z.output<typeof AppealTypeSchema>;

/** Russian names of the appeal types, shown to clients and handlers. */
export const APPEAL_TYPE_LABELS: Record<AppealType, string> = {
  question: 'Вопрос',
  application: 'Заявка на услугу',
  complaint: 'Жалоба',
  feedback: 'Отзыв',
  readings: 'Показания приборов учёта',
  email: 'Письмо на электронную почту',
};

/**
 * The Cyrillic letter that opens a registration number, one per type, so a handler can tell the kind of
 * appeal from its number alone (В-2026-000123 is a question).
 */
export const APPEAL_TYPE_LETTERS: Record<AppealType, string> = {
  question: 'В',
  application: 'З',
  complaint: 'Ж',
  feedback: 'О',
  readings: 'П',
  email: 'Э',
};
