import { describe, expect, it } from 'vitest';
import { parseYamlText } from './content-error';
import { OfficeSeedSchema } from './site-content';

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
