import { describe, expect, it } from 'vitest';
import { APPEAL_FORM_LIST, APPEAL_FORM_NAMES, APPEAL_FORMS } from './appeal-forms';
import { formatRegistrationNumber } from './registration-number';

describe('the table of appeal forms', () => {
  it('has one row per public form, each under its own name', () => {
    expect(APPEAL_FORM_LIST.map((form) => form.name)).toEqual([
      'question',
      'complaint',
      'feedback',
      'application-fl',
      'application-ul',
      'readings-household',
      'readings-legal',
    ]);
    for (const name of APPEAL_FORM_NAMES) expect(APPEAL_FORMS[name].name).toBe(name);
  });

  it('gives every form the address the site posts to and the CMS mounts', () => {
    expect(APPEAL_FORMS.question.apiPath).toBe('/api/forms/question');
    expect(APPEAL_FORMS['readings-legal'].apiPath).toBe('/api/forms/readings-legal');
    for (const form of APPEAL_FORM_LIST) expect(`/api${form.endpointPath}`).toBe(form.apiPath);
  });

  it('registers each form as its appeal type, with that type’s letter in the number', () => {
    // The letters the handlers read numbers by: В вопрос, Ж жалоба, О отзыв, З заявка, П показания.
    const expected = { question: 'В', complaint: 'Ж', feedback: 'О', 'application-fl': 'З', 'application-ul': 'З', 'readings-household': 'П', 'readings-legal': 'П' };
    for (const form of APPEAL_FORM_LIST) {
      expect(form.numberLetter, form.name).toBe(expected[form.name]);
      expect(formatRegistrationNumber(form.type, 2026, 1).charAt(0), form.name).toBe(form.numberLetter);
    }
  });

  it('takes files only with complaints and applications', () => {
    expect(APPEAL_FORM_LIST.filter((form) => form.attachments).map((form) => form.name)).toEqual(['complaint', 'application-fl', 'application-ul']);
  });

  it('names the server check and the topic source of every form', () => {
    const rules = Object.fromEntries(APPEAL_FORM_LIST.map((form) => [form.name, [form.precheck.kind, form.topicFrom]]));
    expect(rules).toEqual({
      question: ['topic', 'form'],
      complaint: ['topic', 'form'],
      feedback: ['topic', 'form'],
      'application-fl': ['service', 'service'],
      'application-ul': ['service', 'service'],
      'readings-household': ['readings', 'readings'],
      'readings-legal': ['readings', 'readings'],
    });
    expect(APPEAL_FORMS.question.precheck).toEqual({ kind: 'topic', message: 'Выберите тему вопроса из списка' });
    expect(APPEAL_FORMS['application-ul'].precheck).toMatchObject({ kind: 'service', audience: 'ul' });
  });

  it('turns a valid question into an appeal without the consent flag and the honeypot', () => {
    const form = APPEAL_FORMS.question.schema.parse({
      name: 'Анна Петровна',
      email: 'anna@example.ru',
      phone: '',
      answerChannel: 'email',
      postalAddress: '',
      audience: 'fl',
      topic: 'oplata',
      accountNumber: '',
      text: 'Почему выросла сумма за февраль?',
      consent: true,
      website: '',
    });
    const submission = APPEAL_FORMS.question.toSubmission(form);
    expect(submission).toMatchObject({ name: 'Анна Петровна', email: 'anna@example.ru', topic: 'oplata', answerChannel: 'email', audience: 'fl' });
    expect(submission).not.toHaveProperty('consent');
    expect(submission).not.toHaveProperty('website');
  });
});
