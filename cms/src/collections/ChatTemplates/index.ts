import type { CollectionConfig } from 'payload';
import { isChatTemplateKeeper, isChatTemplateReader } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

/** The longest canned reply: a chat message, not a letter. */
export const CHAT_TEMPLATE_MAX_LENGTH = 2000;

/**
 * Canned replies of the chat console («Шаблоны ответов в чате», issue 19): the operator inserts one into the reply
 * box with one click and may edit it before sending. Kept by editors, managers and administrators; never public.
 */
export const ChatTemplates: CollectionConfig = {
  slug: COLLECTIONS.chatTemplates,
  labels: { singular: 'Шаблон ответа в чате', plural: 'Шаблоны ответов в чате' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'topic'], group: APPEALS_NAV_GROUP },
  defaultSort: 'title',
  custom: { accessProfile: 'chat-templates' },
  access: { read: isChatTemplateReader, create: isChatTemplateKeeper, update: isChatTemplateKeeper, delete: isChatTemplateKeeper },
  fields: [
    { name: 'title', label: 'Название', type: 'text', required: true, maxLength: 120, admin: { description: 'Так шаблон называется в консоли оператора.' } },
    {
      name: 'text',
      label: 'Текст ответа',
      type: 'textarea',
      required: true,
      maxLength: CHAT_TEMPLATE_MAX_LENGTH,
      admin: { rows: 6, description: 'Оператор вставляет текст в поле ответа одним нажатием и может поправить его перед отправкой.' },
    },
    {
      name: 'topic',
      label: 'Тема',
      type: 'relationship',
      relationTo: COLLECTIONS.topics,
      admin: { description: 'Необязательно: шаблоны темы диалога консоль показывает первыми.' },
    },
  ],
};
