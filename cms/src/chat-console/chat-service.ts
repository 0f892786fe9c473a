/**
 * The one seam between the console and the chat service (cms/src/chat/service.ts, branch chat-core): every state
 * change the console makes goes through these calls, which store it durably and tell the client.
 */
export { acceptConversation, ChatError, closeConversation, deferConversation, openConversationsOf, openConversationStream, postMessage, subscribe, transferConversation } from '../chat/service';
