import type { Payload } from 'payload';
import { APPEAL_TYPE_LABELS, type AppealType } from '@portal/core/appeal-type';
import { formatRussianDate } from '@portal/core/time-zone';
import { escapeHtml } from '@portal/core/escape-html';
import type { OutgoingMessage } from './mailer';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import type { RobotSettings } from '../settings/settings-cache';

/** Appeal types the routing handlers hear about at once (the standards: applications and complaints). */
export const NOTIFIED_TYPES: readonly AppealType[] = ['application', 'complaint'];

/** The initial state of an appeal's handler notice in the outbox. */
export function initialHandlerNoticeState(type: AppealType): 'pending' | 'not-needed' {
  return NOTIFIED_TYPES.includes(type) ? 'pending' : 'not-needed';
}

/** The appeal facts the handlers' letter uses. */
export interface NoticeAppeal {
  id: number | string;
  registrationNumber: string;
  type: AppealType;
  deadlineDate: string;
  topic?: number | string | { id: number | string } | null;
  attachments?: unknown[] | null;
}

/**
 * The handlers' letter about a new appeal: number, type, topic, deadline and where to open it — no client
 * data, the handler reads it in the admin behind a login. Undefined when no handlers' address is set.
 */
export function handlerNoticeMessage(settings: RobotSettings, appeal: NoticeAppeal): OutgoingMessage | undefined {
  if (!settings.handlersEmail) return undefined;
  const topicId = typeof appeal.topic === 'object' && appeal.topic !== null ? appeal.topic.id : appeal.topic;
  const topicTitle = topicId === null || topicId === undefined ? undefined : settings.topicsById.get(String(topicId))?.title;
  const lines = [
    `Поступило новое обращение: ${APPEAL_TYPE_LABELS[appeal.type].toLowerCase()} № ${appeal.registrationNumber}.`,
    `Тема: ${topicTitle ?? 'не указана'}.`,
    `Срок ответа: ${formatRussianDate(appeal.deadlineDate)}.`,
    `Вложений: ${appeal.attachments?.length ?? 0}.`,
    '',
    `Открыть в панели управления: /admin/collections/${COLLECTIONS.appeals}/${appeal.id}`,
  ];
  const companyEmail = settings.company.email || undefined;
  return {
    from: readCmsEnv().MAIL_FROM ?? companyEmail ?? 'robot@example.ru',
    to: settings.handlersEmail,
    subject: `Новое обращение № ${appeal.registrationNumber}`,
    text: lines.join('\n'),
    html: lines.map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n'),
    // Stable per appeal: a resend after a crash is recognisable as the same letter.
    messageId: `<appeal-${appeal.id}-handlers@${(companyEmail ?? 'portal.local').split('@')[1] ?? 'portal.local'}>`,
  };
}
