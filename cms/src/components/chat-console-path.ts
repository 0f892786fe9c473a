/** Path of the «Онлайн-консультант» admin view under /admin (payload.config.ts registers it). */
export const CHAT_CONSOLE_VIEW_PATH = '/chat-console';
