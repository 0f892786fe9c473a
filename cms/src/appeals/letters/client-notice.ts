import { escapeHtml } from '@portal/core/escape-html';
import { sentence, type Letter } from './letter';

/**
 * The client's notice of a handler's decision other than the answer (the standards: a refusal, an extension, a request
 * for information and «оставлено без рассмотрения» are each made known to the client — 000 L413, L1098; 001 L395–397).
 */
export const NOTICE_DECISIONS = ['rejected', 'extended', 'needs-info', 'not-considered', 'registered'] as const;
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

export const NOTICE_DECISION_LABELS: Record<NoticeDecision, string> = {
  rejected: 'Отказ в рассмотрении по существу',
  extended: 'Продление срока',
  'needs-info': 'Запрос сведений у заявителя',
  'not-considered': 'Оставлено без рассмотрения',
  // The confirmation of an appeal staff registered (phone, office, post) for a client without e-mail: a handler's task.
  registered: 'Регистрация обращения (подтверждение)',
};

/** Values a notice template's placeholders are filled with; only what the client gave or the decision says. */
export interface NoticeValues {
  /** The client's name as given. */
  name: string;
  number: string;
  /** Registration date in Russian. */
  date: string;
  /** The ground of a refusal, the reason of an extension, the information needed. */
  reason: string;
  /** The (new) answer deadline in Russian; empty when the decision sets none. */
  deadline: string;
  /** The client's private status page. */
  statusLink: string;
  /** The company's name for the signature. */
  company: string;
  /** The hotline for the client's questions. */
  hotline: string;
}

/** The placeholders notice templates may use, with their Russian descriptions for the editors. */
export const NOTICE_PLACEHOLDERS: Record<keyof NoticeValues, string> = {
  name: 'имя заявителя',
  number: 'регистрационный номер обращения',
  date: 'дата регистрации обращения',
  reason: 'основание отказа, причина продления или какие сведения нужны',
  deadline: 'новый срок ответа',
  statusLink: 'ссылка на страницу состояния обращения',
  company: 'название компании',
  hotline: 'телефон горячей линии',
};

/** The subject of each notice (not editable: it names the appeal and the decision). */
const SUBJECTS: Record<NoticeDecision, string> = {
  rejected: 'Обращение № {{number}}: ответ по существу не может быть дан',
  extended: 'Срок рассмотрения обращения № {{number}} продлён',
  'needs-info': 'По обращению № {{number}} нужны дополнительные сведения',
  'not-considered': 'Обращение № {{number}} оставлено без рассмотрения',
  registered: 'Обращение № {{number}} зарегистрировано',
};

/** The texts used while editors have written no template of their own for the decision. */
export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeDecision, string> = {
  rejected: [
    'Здравствуйте, {{name}}!',
    'Ваше обращение № {{number}} от {{date}} рассмотрено. К сожалению, ответ по существу дать нельзя: {{reason}}.',
    'Если у вас появятся новые доводы или сведения, вы можете обратиться к нам снова. Вопросы можно задать по телефону {{hotline}}.',
    'Состояние обращения: {{statusLink}}',
    'С уважением, {{company}}',
  ].join('\n\n'),
  extended: [
    'Здравствуйте, {{name}}!',
    'Срок рассмотрения вашего обращения № {{number}} от {{date}} продлён до {{deadline}}. Причина: {{reason}}.',
    'Приносим извинения за ожидание. Ответ придёт выбранным вами способом не позднее этой даты.',
    'Состояние обращения: {{statusLink}}',
    'С уважением, {{company}}',
  ].join('\n\n'),
  'needs-info': [
    'Здравствуйте, {{name}}!',
    'Чтобы ответить на ваше обращение № {{number}} от {{date}}, нам нужны дополнительные сведения: {{reason}}.',
    'Пожалуйста, сообщите их ответом на это письмо или по телефону {{hotline}}, указав номер обращения. Срок ответа: {{deadline}}.',
    'Состояние обращения: {{statusLink}}',
    'С уважением, {{company}}',
  ].join('\n\n'),
  registered: [
    'Здравствуйте, {{name}}!',
    'Ваше обращение зарегистрировано под номером {{number}}, дата поступления — {{date}} ({{reason}}).',
    'Ответ будет дан выбранным вами способом не позднее {{deadline}}. Вопросы можно задать по телефону {{hotline}}, указав номер обращения.',
    'Состояние обращения: {{statusLink}}',
    'С уважением, {{company}}',
  ].join('\n\n'),
  'not-considered': [
    'Здравствуйте, {{name}}!',
    'Ваше обращение № {{number}} от {{date}} оставлено без рассмотрения: {{reason}}.',
    'Вы можете обратиться к нам снова, указав контактные данные для ответа. Вопросы можно задать по телефону {{hotline}}.',
    'Состояние обращения: {{statusLink}}',
    'С уважением, {{company}}',
  ].join('\n\n'),
};

/** Fills the placeholders; a value ending in a full stop («20 ноября 2026 г.») takes the place of the one after it. */
function fill(template: string, values: NoticeValues): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}(\.?)/g, (whole, key: string, dot: string) => {
    if (!Object.hasOwn(values, key)) return whole;
    const value = values[key as keyof NoticeValues];
    return value + (dot && value.endsWith('.') ? '' : dot);
  });
}

/**
 * The notice letter from a template (an editor's, or the default). Whatever the template leaves out of what the
 * client must learn — the reason, the new deadline where there is one, the status link — is appended, so an editor's
 * shorter text never drops it. Plain text; the HTML is the same paragraphs escaped, the status link made a link.
 */
export function clientNoticeLetter(decision: NoticeDecision, template: string | null | undefined, values: NoticeValues): Letter {
  const source = template?.trim() ? template : DEFAULT_NOTICE_TEMPLATES[decision];
  const uses = (key: keyof NoticeValues) => new RegExp(`\\{\\{\\s*${key}\\s*\\}\\}`).test(source);
  const extra: string[] = [];
  if (values.reason && !uses('reason')) extra.push(`Основание: ${values.reason}.`);
  if (values.deadline && !uses('deadline')) extra.push(sentence(`Срок ответа: ${values.deadline}`));
  if (values.statusLink && !uses('statusLink')) extra.push(`Состояние обращения: ${values.statusLink}`);
  const text = [fill(source, values).trimEnd(), ...extra].join('\n\n');
  const link = escapeHtml(values.statusLink);
  const html = text
    .split(/\n{2,}/)
    .map((paragraph) => {
      let escaped = escapeHtml(paragraph).replace(/\n/g, '<br>');
      if (/^https?:\/\//.test(values.statusLink) && link) escaped = escaped.split(link).join(`<a href="${link}">${link}</a>`);
      return `<p>${escaped}</p>`;
    })
    .join('\n');
  // One header line, whatever the number holds.
  return { subject: fill(SUBJECTS[decision], values).replace(/[\r\n]+/g, ' '), text, html };
}
