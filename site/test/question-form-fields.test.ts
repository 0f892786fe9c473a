import { describe, expect, it } from 'vitest';
import { QUESTION_FORM_FIELD_LABELS } from '@portal/core/question-form';
import {
  QUESTION_FIELD_ORDER,
  describedBy,
  errorSummaryItems,
  fieldFocusId,
  readQuestionPrefill,
} from '../src/lib/question-form-fields';

describe('question form fields', () => {
  it('lists every field of the shared schema except the honeypot', () => {
    const schemaFields = Object.keys(QUESTION_FORM_FIELD_LABELS).filter((field) => field !== 'website');
    expect([...QUESTION_FIELD_ORDER].sort()).toEqual(schemaFields.sort());
  });

  it('points radio groups at their first option and other fields at their input', () => {
    expect(fieldFocusId('audience')).toBe('vopros-audience-fl');
    expect(fieldFocusId('answerChannel')).toBe('vopros-answerChannel-email');
    expect(fieldFocusId('text')).toBe('vopros-text');
  });

  it('builds the error summary in page order, skipping the honeypot and unknown keys', () => {
    const items = errorSummaryItems({ text: 'Напишите вопрос', website: 'бот', _form: 'x', audience: 'Выберите', consent: undefined });
    expect(items).toEqual([
      { field: 'audience', message: 'Выберите', href: '#vopros-audience-fl' },
      { field: 'text', message: 'Напишите вопрос', href: '#vopros-text' },
    ]);
  });

  it('joins hint and error ids for aria-describedby', () => {
    expect(describedBy('a-hint', 'a-error')).toBe('a-hint a-error');
    expect(describedBy(undefined, false, 'a-error')).toBe('a-error');
    expect(describedBy(undefined, null)).toBeUndefined();
  });
});

describe('readQuestionPrefill', () => {
  it('takes a known topic and the text from the URL', () => {
    expect(readQuestionPrefill('?topic=oplata&text=%D0%9F%D0%B5%D0%BD%D0%B8', ['oplata'])).toEqual({ topic: 'oplata', text: 'Пени' });
  });

  it('ignores unknown topics and empty text, and cuts over-long text', () => {
    expect(readQuestionPrefill('?topic=%3Cscript%3E&text=%20%20', ['oplata'])).toEqual({});
    expect(readQuestionPrefill(`?text=${'а'.repeat(6000)}`, []).text).toHaveLength(5000);
  });
});
