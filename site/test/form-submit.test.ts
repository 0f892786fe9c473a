import { describe, expect, it } from 'vitest';
import { DEFAULT_FAILURE_MESSAGE, interpretSubmitResponse } from '../src/lib/form-submit';

describe('interpretSubmitResponse', () => {
  it('201 is a registration with number and deadline text', () => {
    const body = {
      registrationNumber: 'В-2026-000123',
      receivedAt: '2026-03-02T09:00:00.000Z',
      deadlineDate: '2026-03-04',
      deadlineText: 'Ответим до 4 марта 2026 года.',
      message: 'Подтверждение отправлено на почту.',
    };
    expect(interpretSubmitResponse(201, body)).toEqual({ kind: 'registered', ...body });
  });

  it('201 without a readable body is still a registration, so nobody sends the question twice', () => {
    expect(interpretSubmitResponse(201, null)).toMatchObject({ kind: 'registered', registrationNumber: '' });
  });

  it('400 carries the field errors (string messages only) and the general message', () => {
    expect(
      interpretSubmitResponse(400, {
        message: 'Проверьте, пожалуйста, поля формы',
        fieldErrors: { email: 'Проверьте адрес', topic: 7, text: '' },
      }),
    ).toEqual({ kind: 'invalid', message: 'Проверьте, пожалуйста, поля формы', fieldErrors: { email: 'Проверьте адрес' } });
  });

  it('429, 503 and unknown answers are failures with the server message when there is one', () => {
    expect(interpretSubmitResponse(429, { message: 'Слишком много обращений подряд.' })).toEqual({
      kind: 'failed',
      status: 429,
      message: 'Слишком много обращений подряд.',
    });
    expect(interpretSubmitResponse(503, '<html>')).toEqual({ kind: 'failed', status: 503, message: DEFAULT_FAILURE_MESSAGE });
    expect(interpretSubmitResponse(400, { message: 'Неверный формат' })).toEqual({ kind: 'failed', status: 400, message: 'Неверный формат' });
  });
});
