import { escapeHtml } from '@portal/core/escape-html';

/** A letter as the generic outbox takes it (cms/src/outbox/letters.ts, `LetterInput` without the envelope). */
export interface BuiltLetter {
  subject: string;
  text: string;
  html: string;
}

/** The double opt-in letter: the only letter an address gets before it is confirmed. */
export function subscriptionConfirmationLetter(input: { companyName: string; confirmUrl: string; settlements: readonly string[]; kinds: readonly string[]; validHours: number }): BuiltLetter {
  const subject = `Подтвердите подписку на уведомления — ${input.companyName}`;
  const what = `Населённые пункты: ${input.settlements.join(', ')}.\nВиды уведомлений: ${input.kinds.join(', ')}.`;
  const text = [
    'Здравствуйте!',
    '',
    `На сайте ${input.companyName} этот адрес указали для уведомлений об отключениях электроэнергии и изменениях тарифов.`,
    what,
    '',
    `Чтобы получать письма, подтвердите подписку по ссылке (она действует ${input.validHours} ч):`,
    input.confirmUrl,
    '',
    'Если вы не подписывались, просто не отвечайте на это письмо: без подтверждения писем не будет, а адрес мы удалим.',
  ].join('\n');
  const html = `<p>Здравствуйте!</p><p>На сайте ${escapeHtml(input.companyName)} этот адрес указали для уведомлений об отключениях электроэнергии и изменениях тарифов.</p><p>${escapeHtml(what).replace(/\n/g, '<br>')}</p><p><a href="${escapeHtml(input.confirmUrl)}">Подтвердить подписку</a> (ссылка действует ${input.validHours} ч).</p><p>Если вы не подписывались, просто не отвечайте на это письмо: без подтверждения писем не будет.</p>`;
  return { subject, text, html };
}
