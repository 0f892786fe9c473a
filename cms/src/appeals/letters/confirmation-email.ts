import { escapeHtml } from '@portal/core/escape-html';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate, formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { safeHttpUrl, sentence, type Letter } from './letter';

/** Company details printed in the letter; they come from the CMS company settings. */
export interface ConfirmationCompany {
  /** Full name used in the signature, e.g. «АО «Энергосбыт Приречья»». */
  name: string;
  /** Short name used in the subject and the first line. */
  shortName: string;
  /** Hotline phone number as it should be shown, e.g. «8 800 100-00-00». */
  hotline: string;
  /** Public e-mail address for clients. */
  email: string;
  /** Postal address of the head office, if the company wants it in letters. */
  address?: string;
}

/** The registered appeal. Only what the client needs: no contact data or message text is repeated. */
export interface ConfirmationAppeal {
  /** Registration number, e.g. «В-2026-000123». */
  registrationNumber: string;
  /** Kind of appeal in lower case, e.g. «вопрос», «жалоба». */
  typeLabel: string;
  /** How to address the client: the name they gave in the form. */
  clientName: string;
  /** Receipt time already formatted for people, e.g. «27 ноября 2026 г., 14:05 (мск)». */
  receivedAtText: string;
  /** Answer deadline already formatted, e.g. «1 декабря 2026 г.». */
  deadlineText: string;
  /** Extra sentence about the deadline, e.g. that a specialist will call after it. */
  deadlineNote?: string;
  /** Sentence for appeals received outside working hours, saying when work starts. */
  outsideHoursNote?: string;
  /** Page where the client can follow the appeal (http or https only). */
  statusUrl?: string;
}

/** Input of {@link renderConfirmationEmail}. */
export interface ConfirmationEmailInput {
  company: ConfirmationCompany;
  appeal: ConfirmationAppeal;
}

/** A rendered letter, ready for the mailer. */
export type RenderedEmail = Letter;

/**
 * Renders the letter the mail robot sends right after an appeal is registered: thanks, the
 * registration number and date, the deadline and how to reach the company. Both a plain-text and a
 * simple HTML version (inline styles only, as mail clients drop stylesheets); every value is escaped
 * in the HTML.
 */
export function renderConfirmationEmail({ company, appeal }: ConfirmationEmailInput): RenderedEmail {
  const statusUrl = safeHttpUrl(appeal.statusUrl);
  const subject = oneLine(`Обращение № ${appeal.registrationNumber} зарегистрировано — ${company.shortName}`);

  const facts: Array<[string, string]> = [
    ['Вид обращения', appeal.typeLabel],
    ['Регистрационный номер', appeal.registrationNumber],
    ['Дата и время поступления', appeal.receivedAtText],
    ['Срок ответа', `не позднее ${appeal.deadlineText}`],
  ];

  const text = [
    `Здравствуйте, ${appeal.clientName}!`,
    '',
    `Спасибо, что обратились в ${company.shortName}. Ваше обращение зарегистрировано.`,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(appeal.deadlineNote ? ['', appeal.deadlineNote] : []),
    ...(appeal.outsideHoursNote ? ['', appeal.outsideHoursNote] : []),
    ...(statusUrl ? ['', `Следить за ходом работы по обращению можно на странице: ${statusUrl}`] : []),
    '',
    `Если у вас появятся вопросы, позвоните на горячую линию ${company.hotline} или напишите на ${company.email}. ` +
      'Пожалуйста, называйте номер обращения — так мы быстрее его найдём.',
    ...(company.address ? [`Адрес: ${company.address}`] : []),
    '',
    'С уважением,',
    company.name,
    '',
    '—',
    'Это письмо сформировано автоматически.',
    '',
  ].join('\n');

  const e = escapeHtml;
  const paragraph = (content: string) => `<p style="margin:0 0 16px 0;">${content}</p>`;
  const factRows = facts
    .map(
      ([label, value]) =>
        `<tr><td style="padding:4px 16px 4px 0;color:#555555;vertical-align:top;">${e(label)}</td>` +
        `<td style="padding:4px 0;font-weight:bold;vertical-align:top;">${e(value)}</td></tr>`,
    )
    .join('\n');
  const telHref = `tel:${company.hotline.replace(/[^\d+]/g, '')}`;

  const html = [
    '<!DOCTYPE html>',
    '<html lang="ru">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#f4f4f4;">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;">',
    paragraph(`Здравствуйте, ${e(appeal.clientName)}!`),
    paragraph(`Спасибо, что обратились в ${e(company.shortName)}. Ваше обращение зарегистрировано.`),
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px 0;">\n${factRows}\n</table>`,
    ...(appeal.deadlineNote ? [paragraph(e(appeal.deadlineNote))] : []),
    ...(appeal.outsideHoursNote ? [paragraph(e(appeal.outsideHoursNote))] : []),
    ...(statusUrl
      ? [
          paragraph(
            `Следить за ходом работы по обращению можно <a href="${e(statusUrl)}" style="color:#0b5cad;">на этой странице</a>.`,
          ),
        ]
      : []),
    paragraph(
      `Если у вас появятся вопросы, позвоните на горячую линию <a href="${e(telHref)}" style="color:#0b5cad;">${e(company.hotline)}</a> ` +
        `или напишите на <a href="mailto:${e(company.email)}" style="color:#0b5cad;">${e(company.email)}</a>. ` +
        'Пожалуйста, называйте номер обращения — так мы быстрее его найдём.',
    ),
    ...(company.address ? [paragraph(`Адрес: ${e(company.address)}`)] : []),
    paragraph(`С уважением,<br>${e(company.name)}`),
    '<p style="margin:24px 0 0 0;padding-top:16px;border-top:1px solid #dddddd;font-size:13px;color:#555555;">Это письмо сформировано автоматически.</p>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');

  return { subject, text, html };
}

/** The appeal as registration stored it: everything the confirmation states, nothing computed again here. */
export interface RegisteredAppealFacts {
  registrationNumber: string;
  type: AppealType;
  /** The name the client gave. */
  clientName: string;
  /** The receipt instant, ISO 8601 (shown in the company's time zone). */
  receivedAt: string;
  /** The stored answer deadline, local `YYYY-MM-DD`. */
  deadlineDate: string;
  /**
   * The stored start of work for an appeal received outside working hours, local `YYYY-MM-DDTHH:MM`;
   * absent when it arrived during working hours.
   */
  workStartsAt?: string | null;
  /** The stored date the originals of attached document copies are due (applications with attachments). */
  originalsDeadlineDate?: string | null;
  /** The deadline rule's sentence for the client, e.g. «Затем с вами свяжется специалист»; empty for none. */
  deadlineRuleNote: string;
  /** The client's private status page (http or https only). */
  statusUrl?: string;
}

/** Input of {@link confirmationLetter}. */
export interface ConfirmationLetterInput {
  company: ConfirmationCompany & {
    /** The company's IANA time zone: the receipt time is shown in it. */
    timeZone: string;
  };
  appeal: RegisteredAppealFacts;
}

/**
 * The confirmation of a registered appeal of any type: its type in words, the receipt time in the company's
 * zone, the stored deadline with the rule's note, the originals' due date for applications with copies of
 * documents, and when work starts for appeals received outside working hours.
 */
export function confirmationLetter({ company, appeal }: ConfirmationLetterInput): Letter {
  const notes = appeal.deadlineRuleNote ? [sentence(appeal.deadlineRuleNote)] : [];
  if (appeal.originalsDeadlineDate) {
    notes.push(sentence(`Оригиналы документов, копии которых вы приложили к заявке, пожалуйста, представьте в офис обслуживания не позднее ${formatRussianDate(appeal.originalsDeadlineDate)}`));
  }
  const { timeZone, ...details } = company;
  return renderConfirmationEmail({
    company: details,
    appeal: {
      registrationNumber: appeal.registrationNumber,
      typeLabel: APPEAL_TYPE_LABELS[appeal.type].toLowerCase(),
      clientName: appeal.clientName,
      receivedAtText: formatRussianDateTime(toLocalIsoDateTime(new Date(appeal.receivedAt), timeZone)),
      deadlineText: formatRussianDate(appeal.deadlineDate),
      ...(appeal.statusUrl ? { statusUrl: appeal.statusUrl } : {}),
      ...(notes.length > 0 ? { deadlineNote: notes.join(' ') } : {}),
      ...(appeal.workStartsAt
        ? { outsideHoursNote: `Обращение поступило в нерабочее время. Специалисты приступят к работе ${formatRussianDateTime(appeal.workStartsAt)}.` }
        : {}),
    },
  });
}

/** Subjects are single header lines; collapse any line breaks a value might carry. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
