import type { CollectionConfig } from 'payload';
import { CHAT_AUTHOR_LABELS, CHAT_AUTHORS } from '@portal/core/chat/contract';
import { isNobody, SERVER_ONLY_FIELD } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { isChatReader } from '../ChatConversations';

/**
 * The messages and state changes of chat conversations, one row each, numbered by `seq` within the conversation.
 * Two unique keys make the rules hold in the database, on every instance: `seqKey` (`<conversation>:<seq>`, so a
 * sequence number is never given twice) and `clientKey` (`<conversation>:<clientMessageId>`, so a client's retry of
 * a message never stores a second copy). Written only by the server (cms/src/chat/service.ts).
 */
export const ChatMessages: CollectionConfig = {
  slug: COLLECTIONS.chatMessages,
  labels: { singular: 'Сообщение чата', plural: 'Сообщения чата' },
  admin: { hidden: true, defaultColumns: ['conversation', 'seq', 'author', 'text', 'createdAt'] },
  custom: { accessProfile: 'chat' },
  access: { read: isChatReader, create: isNobody, update: isNobody, delete: isNobody },
  fields: [
    { name: 'conversation', label: 'Разговор', type: 'relationship', relationTo: COLLECTIONS.chatConversations, required: true, index: true, access: SERVER_ONLY_FIELD },
    { name: 'seq', label: 'Номер', type: 'number', required: true, index: true, access: SERVER_ONLY_FIELD },
    { name: 'seqKey', type: 'text', required: true, unique: true, index: true, access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    // `message`: a message someone wrote; `state`: a state change (its details in `stateData`).
    { name: 'kind', type: 'select', required: true, defaultValue: 'message', options: ['message', 'state'], access: SERVER_ONLY_FIELD },
    { name: 'author', label: 'Автор', type: 'select', required: true, options: CHAT_AUTHORS.map((value) => ({ value, label: CHAT_AUTHOR_LABELS[value] })), access: SERVER_ONLY_FIELD },
    { name: 'operator', label: 'Оператор', type: 'relationship', relationTo: COLLECTIONS.users, access: SERVER_ONLY_FIELD },
    // The operator's display name as the client saw it when the message was sent.
    { name: 'operatorName', type: 'text', access: SERVER_ONLY_FIELD },
    { name: 'text', label: 'Текст', type: 'textarea', access: SERVER_ONLY_FIELD },
    { name: 'stateData', type: 'json', access: SERVER_ONLY_FIELD },
    { name: 'clientMessageId', type: 'text', access: SERVER_ONLY_FIELD },
    { name: 'clientKey', type: 'text', unique: true, index: true, access: SERVER_ONLY_FIELD, admin: { hidden: true } },
    { name: 'attachment', label: 'Вложение', type: 'relationship', relationTo: COLLECTIONS.appealAttachments, access: SERVER_ONLY_FIELD },
  ],
};
