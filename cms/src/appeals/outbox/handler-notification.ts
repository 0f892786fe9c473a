import type { AppealType } from '@portal/core/appeal-type';
import { handlerNoticeLetter } from '../letters/handler-notice';
import { robotMessageId, type OutgoingMessage, type RobotMailConfig } from './mailer';
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
export function handlerNoticeMessage(settings: RobotSettings, appeal: NoticeAppeal, { mailFrom, adminOrigin }: RobotMailConfig): OutgoingMessage | undefined {
  if (!settings.handlersEmail) return undefined;
  const topicId = typeof appeal.topic === 'object' && appeal.topic !== null ? appeal.topic.id : appeal.topic;
  const topicTitle = topicId === null || topicId === undefined ? undefined : settings.topicsById.get(String(topicId))?.title;
  const letter = handlerNoticeLetter({
    registrationNumber: appeal.registrationNumber,
    type: appeal.type,
    ...(topicTitle === undefined ? {} : { topicTitle }),
    deadlineDate: appeal.deadlineDate,
    attachmentCount: appeal.attachments?.length ?? 0,
    adminUrl: `${adminOrigin}/admin/collections/${COLLECTIONS.appeals}/${appeal.id}`,
  });
  const companyEmail = settings.company.email || undefined;
  return {
    from: mailFrom ?? companyEmail ?? 'robot@example.ru',
    to: settings.handlersEmail,
    ...letter,
    messageId: robotMessageId(`appeal-${appeal.id}-handlers`, companyEmail),
  };
}
