/** Path of the «Модерация» admin view under /admin (payload.config.ts registers it). */
export const MODERATION_VIEW_PATH = '/moderation';
