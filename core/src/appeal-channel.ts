import { z } from 'zod';

/**
 * The channel an appeal came by (канал поступления) — a dimension of its own, separate from the appeal type: an
 * e-mailed complaint is a complaint whose channel is e-mail (000 L57, 002 L114, L150). Every channel shares one
 * register: the same numbering, topic classifier (ЕКТО), deadlines, routing and reports (000 L340, L354; 002 L164).
 *
 * - `site`: a form of the internet reception;
 * - `email`: a letter to the appeals address (the mail robot);
 * - `phone`, `office`, `post`: registered by a handler (a call, a visit, a letter that arrived by post);
 * - `chat`: an online chat (registered by staff; the chat itself is a separate feature).
 */
export const APPEAL_CHANNELS = ['site', 'email', 'phone', 'office', 'post', 'chat'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

export const AppealChannelSchema = z.enum(APPEAL_CHANNELS, { error: 'Выберите канал поступления обращения' });

/** Russian names of the channels, for the CMS and reports. */
export const APPEAL_CHANNEL_LABELS: Record<AppealChannel, string> = {
  site: 'Форма на сайте',
  email: 'Электронная почта',
  phone: 'Телефон',
  office: 'Личный приём в офисе',
  post: 'Почта (письменное обращение)',
  chat: 'Онлайн-чат',
};

/** The channels staff register appeals from by hand («Зарегистрировать обращение»). */
export const STAFF_CHANNELS = ['phone', 'office', 'post', 'chat'] as const satisfies readonly AppealChannel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/** Written channels: the appeal is a letter on paper and follows the written/postal rows (000 L398–410). */
export function isWrittenChannel(channel: AppealChannel | null | undefined): boolean {
  return channel === 'post';
}

/**
 * The channel an appeal came by; a row stored before the channel existed (a database not migrated by SQL, e.g. MongoDB)
 * came by e-mail when of the e-mail type, else by a site form — the only channels there were.
 */
export function receivedChannelOf(row: { type?: string | null; channel?: string | null }): string {
  return row.channel || (row.type === 'email' ? 'email' : 'site');
}
