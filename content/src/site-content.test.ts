import { describe, expect, it } from 'vitest';
import { parseYamlText } from './content-error';
import { demoQuestionnairePeriod, OfficeSeedSchema, QuestionnaireSeedSchema } from './site-content';

const office = (payment: string) =>
  parseYamlText(
    `slug: test
kind: office
name: ЦОК «Тест»
settlement: Тест
address: ул. Тестовая, 1
latitude: 61
longitude: 34
phones: [+7 (000) 000-00-01]
schedule: { weekly: [] }
payment: ${payment}
`,
    'offices.yaml',
  );

describe('office lists in the demo content', () => {
  it('refuses a way to pay that a YAML flow list cut at the comma inside its brackets', () => {
    const result = OfficeSeedSchema.safeParse(office('[касса без комиссии, платёжный терминал (карта, СБП)]'));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['payment.1', 'payment.2']);
    expect(result.error?.issues[0]?.message).toContain('was it cut at a comma?');
  });

  it('keeps an item with a comma whole when it is quoted or on its own line', () => {
    expect(OfficeSeedSchema.parse(office("[касса без комиссии, 'платёжный терминал (карта, СБП)']")).payment).toEqual(['касса без комиссии', 'платёжный терминал (карта, СБП)']);
    expect(OfficeSeedSchema.parse(office('\n  - платёжный терминал (карта, СБП)')).payment).toEqual(['платёжный терминал (карта, СБП)']);
  });
});

describe('the demo questionnaire', () => {
  it('runs from the first day of the import quarter to the last day of the next quarter', () => {
    // Dates by hand: Q4 2026 is 1 October – 31 December, Q1 2027 ends on 31 March.
    expect(demoQuestionnairePeriod('2026-12-08')).toEqual({ from: '2026-10-01', to: '2027-03-31' });
    expect(demoQuestionnairePeriod('2026-12-31')).toEqual({ from: '2026-10-01', to: '2027-03-31' });
    expect(demoQuestionnairePeriod('2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-06-30' });
    expect(demoQuestionnairePeriod('2026-05-15')).toEqual({ from: '2026-04-01', to: '2026-09-30' });
  });

  it('refuses the questions the CMS refuses: a choice with one option, a condition on a later question', () => {
    const base = { slug: 'anketa', title: 'Анкета' };
    expect(QuestionnaireSeedSchema.safeParse({ ...base, questions: [{ text: 'Да или нет?', kind: 'single', options: ['Да'] }] }).success).toBe(false);
    const forward = [
      { text: 'Оценка', kind: 'scale5', showIf: { question: 2, answer: 'Да' } },
      { text: 'Были в офисе?', kind: 'single', options: ['Да', 'Нет'] },
    ];
    expect(QuestionnaireSeedSchema.safeParse({ ...base, questions: forward }).success).toBe(false);
    expect(QuestionnaireSeedSchema.safeParse({ ...base, questions: [...forward].reverse().map((q) => ({ ...q, showIf: q.showIf && { question: 1, answer: 'Да' } })) }).success).toBe(true);
  });
});
