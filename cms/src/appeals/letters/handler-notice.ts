import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate } from '@portal/core/time-zone';
import { linesAsParagraphs, sentence, type Letter } from './letter';

/** What the handlers' notice says about a new appeal: no client data, the handler reads it in the admin. */
export interface HandlerNoticeInput {
  registrationNumber: string;
  type: AppealType;
  /** The topic's title; absent when the appeal has none. */
  topicTitle?: string;
  /** The stored answer deadline, local `YYYY-MM-DD`. */
  deadlineDate: string;
  attachmentCount: number;
  /** Where the appeal opens in the admin (a path such as `/admin/collections/appeals/7`, or a full URL). */
  adminUrl: string;
}

/** The handlers' letter about a new appeal: number, type, topic, deadline and where to open it. */
export function handlerNoticeLetter(notice: HandlerNoticeInput): Letter {
  const lines = [
    `Поступило новое обращение: ${APPEAL_TYPE_LABELS[notice.type].toLowerCase()} № ${notice.registrationNumber}.`,
    `Тема: ${notice.topicTitle ?? 'не указана'}.`,
    sentence(`Срок ответа: ${formatRussianDate(notice.deadlineDate)}`),
    `Вложений: ${notice.attachmentCount}.`,
    '',
    `Открыть в панели управления: ${notice.adminUrl}`,
  ];
  return {
    subject: `Новое обращение № ${notice.registrationNumber}`,
    text: lines.join('\n'),
    html: linesAsParagraphs(lines),
  };
}
