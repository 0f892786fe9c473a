import { describe, expect, it } from 'vitest';
import { handlerNoticeLetter, type HandlerNoticeInput } from './handler-notice';

const notice: HandlerNoticeInput = {
  registrationNumber: 'Ж-2026-000042',
  type: 'complaint',
  topicTitle: 'Начисления и оплата',
  deadlineDate: '2026-12-14',
  attachmentCount: 2,
  adminUrl: '/admin/collections/appeals/42',
};

describe('handlerNoticeLetter', () => {
  it('renders the handlers’ notice as in the reviewed snapshots', async () => {
    const letter = handlerNoticeLetter(notice);
    expect(letter.subject).toBe('Новое обращение № Ж-2026-000042');
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/handler-notice.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/handler-notice.html');
  });

  it('ends the deadline sentence with the one full stop of «г.»', () => {
    expect(handlerNoticeLetter(notice).text).toContain('Срок ответа: 14 декабря 2026 г.\n');
  });

  it('says the topic is not given when the appeal has none', () => {
    const { topicTitle: _topic, ...withoutTopic } = notice;
    expect(handlerNoticeLetter(withoutTopic).text).toContain('Тема: не указана.');
  });

  it('escapes a topic title in the HTML version', () => {
    const { html, text } = handlerNoticeLetter({ ...notice, topicTitle: '<b>Тарифы</b> & цены' });
    expect(html).toContain('<p>Тема: &lt;b&gt;Тарифы&lt;/b&gt; &amp; цены.</p>');
    expect(text).toContain('Тема: <b>Тарифы</b> & цены.');
  });
});
