import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FORM_ERROR_MESSAGE, FORM_LEVEL_ERROR_KEY, fieldErrors, formErrorResponse } from './form-errors';

const Schema = z.object({
  name: z.string().min(2, { error: 'Коротко' }).max(3, { error: 'Длинно' }).regex(/^\d+$/, { error: 'Только цифры' }),
  items: z.array(z.object({ serial: z.string({ error: 'Укажите номер' }) })),
});

describe('fieldErrors', () => {
  it('keeps the first message of each field', () => {
    const result = Schema.safeParse({ name: 'a', items: [] });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({ name: 'Коротко' });
  });

  it('joins nested paths with dots', () => {
    const result = Schema.safeParse({ name: '12', items: [{ serial: 'A1' }, {}] });
    expect(fieldErrors(result.error!)).toEqual({ 'items.1.serial': 'Укажите номер' });
  });

  it('puts an error without a path under the form-level key', () => {
    const result = Schema.safeParse('text');
    expect(Object.keys(fieldErrors(result.error!))).toEqual([FORM_LEVEL_ERROR_KEY]);
  });

  it('builds the 400 body', () => {
    const result = Schema.safeParse({ name: '1', items: [] });
    expect(formErrorResponse(result.error!)).toEqual({
      message: 'Проверьте, пожалуйста, поля формы',
      fieldErrors: { name: 'Коротко' },
    });
    expect(FORM_ERROR_MESSAGE).toBe('Проверьте, пожалуйста, поля формы');
  });
});
