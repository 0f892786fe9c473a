import { escapeHtml } from '@portal/core/escape-html';

/** What a campaign letter says: the scenario's subject and text, the same for every recipient. */
export interface CampaignContent {
  subject: string;
  body: string;
}

/** How the recipient leaves: a one-click link (a subscriber's, or an imported address's own). */
export interface UnsubscribeRoute {
  /** The page / one-click endpoint of the subscriber's token, when there is a subscription. */
  url?: string;
  /** The address came from an imported list (the footer says why the letter came). */
  imported?: boolean;
  /** The headers to put on the letter (`List-Unsubscribe`, `List-Unsubscribe-Post`). */
  headers: Record<string, string>;
}

export interface BuiltLetter {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const FOOTER_WITH_LINK = 'Вы получили это письмо, потому что подписались на оповещения на сайте. Отписаться:';
const FOOTER_IMPORTED = 'Вы получили это письмо, потому что дали этот адрес для оповещений. Отписаться:';
const FOOTER_REPLY = 'Вы получили это письмо, потому что дали этот адрес для оповещений. Чтобы их не получать, ответьте на это письмо словом «Отписаться».';

/** One campaign letter: the scenario's text in paragraphs, then the footer with the way to unsubscribe. */
export function campaignLetter(content: CampaignContent, unsubscribe: UnsubscribeRoute): BuiltLetter {
  const paragraphs = content.body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const lead = unsubscribe.imported ? FOOTER_IMPORTED : FOOTER_WITH_LINK;
  const footerText = unsubscribe.url ? `${lead} ${unsubscribe.url}` : FOOTER_REPLY;
  const text = `${paragraphs.join('\n\n')}\n\n--\n${footerText}\n`;
  const footerHtml = unsubscribe.url
    ? `${escapeHtml(lead)} <a href="${escapeHtml(unsubscribe.url)}">отписаться от оповещений</a>.`
    : escapeHtml(FOOTER_REPLY);
  const html =
    `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>` +
    paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('') +
    `<hr><p style="font-size:small;color:#555">${footerHtml}</p></body></html>`;
  return { subject: content.subject, text, html, headers: unsubscribe.headers };
}
