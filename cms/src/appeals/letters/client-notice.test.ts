import { describe, expect, it } from 'vitest';
import { clientNoticeLetter, NOTICE_DECISIONS, type NoticeValues } from './client-notice';

const values: NoticeValues = {
  name: 'Ольга Сергеевна',
  number: 'Ж-2026-000042',
  date: '2 ноября 2026 г.',
  reason: 'нужна проверка на месте',
  deadline: '20 ноября 2026 г.',
  statusLink: 'https://energo.example/status/#t=AbC-123_xyz',
  company: 'Энергосбыт Приречья',
  hotline: '8 800 100-00-00',
};

describe('clientNoticeLetter', () => {
  it.each(NOTICE_DECISIONS)('%s: the default text names the appeal, the reason and the status link, with no doubled full stop', (decision) => {
    const { subject, text } = clientNoticeLetter(decision, null, values);
    expect(subject).toContain('№ Ж-2026-000042');
    expect(text).toContain('Здравствуйте, Ольга Сергеевна!');
    expect(text).toContain('нужна проверка на месте');
    expect(text).toContain('Состояние обращения: https://energo.example/status/#t=AbC-123_xyz');
    expect(text).not.toMatch(/\.\./);
  });

  it('states the new deadline of an extension once, as a sentence', () => {
    expect(clientNoticeLetter('extended', null, values).text).toContain('продлён до 20 ноября 2026 г. Причина: нужна проверка на месте.');
  });

  it('appends what an editor\'s template leaves out: the reason, the deadline, the status link', () => {
    const { text } = clientNoticeLetter('extended', 'Здравствуйте, {{name}}! Срок по обращению № {{number}} продлён.', values);
    expect(text).toBe(
      'Здравствуйте, Ольга Сергеевна! Срок по обращению № Ж-2026-000042 продлён.\n\nОснование: нужна проверка на месте.\n\nСрок ответа: 20 ноября 2026 г.\n\nСостояние обращения: https://energo.example/status/#t=AbC-123_xyz',
    );
  });

  it('escapes the HTML and links only the status page', () => {
    const { html } = clientNoticeLetter('needs-info', null, { ...values, name: '<b>Ольга</b>', reason: '<script>x</script>' });
    expect(html).toContain('Здравствуйте, &lt;b&gt;Ольга&lt;/b&gt;!');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="https://energo.example/status/#t=AbC-123_xyz">https://energo.example/status/#t=AbC-123_xyz</a>');
  });
});
