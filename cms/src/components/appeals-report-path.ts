/** Path of the «Отчёт по обращениям» admin view under /admin (payload.config.ts registers it). */
export const APPEALS_REPORT_VIEW_PATH = '/appeals-report';
