import { describe, expect, it } from 'vitest';
import { answerLetter } from './answer';

const answer = [
  'Здравствуйте, Анна Сергеевна!',
  'Начисление за ноябрь выполнено по тарифу, утверждённому приказом № 12 от 1 июля 2026 г.\nПерерасчёт не требуется.',
  'С уважением,\nотдел по работе с клиентами',
].join('\n\n');

describe('answerLetter', () => {
  it('renders the answer as in the reviewed snapshots: the text as written, paragraphs and line breaks kept', async () => {
    const letter = answerLetter({ registrationNumber: 'В-2026-000123', answer });
    expect(letter.subject).toBe('Ответ на обращение № В-2026-000123');
    expect(letter.text).toBe(answer);
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/answer.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/answer.html');
  });

  it('escapes markup the handler typed', () => {
    const { html } = answerLetter({ registrationNumber: 'В-2026-000123', answer: 'Тариф <script>x</script> & «цена»' });
    expect(html).toBe('<p>Тариф &lt;script&gt;x&lt;/script&gt; &amp; «цена»</p>');
  });
});
