/** Collection and global slugs: the one place they are spelled. */
export const COLLECTIONS = {
  users: 'users',
  faq: 'faq',
  topics: 'topics',
  appeals: 'appeals',
  counters: 'counters',
  siteBuilds: 'site-builds',
  auditLog: 'audit-log',
  redirects: 'redirects',
  searchQueries: 'search-queries',
  services: 'services',
  appealAttachments: 'appeal-attachments',
  pages: 'pages',
  tariffPeriods: 'tariff-periods',
  unregulatedPrices: 'unregulated-prices',
  offices: 'offices',
  news: 'news',
  complaintSummaries: 'complaint-summaries',
  documents: 'documents',
  documentFiles: 'document-files',
  usefulLinks: 'useful-links',
  answerTemplates: 'answer-templates',
  territories: 'territories',
  quarterlyReports: 'quarterly-reports',
  humanCheckUses: 'human-check-uses',
  appealNotices: 'appeal-notices',
  backupRuns: 'backup-runs',
  backupAlerts: 'backup-alerts',
  bookings: 'bookings',
  bookingClaims: 'booking-claims',
  alertSubscriptions: 'alert-subscriptions',
  outgoingLetters: 'outgoing-letters',
  chatConversations: 'chat-conversations',
  chatMessages: 'chat-messages',
  chatTemplates: 'chat-templates',
  alertCampaigns: 'alert-campaigns',
  alertScenarios: 'alert-scenarios',
  alertLists: 'alert-lists',
  alertDeliveries: 'alert-deliveries',
  questionnaires: 'questionnaires',
  questionnaireAnswers: 'questionnaire-answers',
  reviews: 'reviews',
  forumThreads: 'forum-threads',
  forumPosts: 'forum-posts',
} as const;

export const GLOBALS = {
  companySettings: 'company-settings',
  productionCalendar: 'production-calendar',
  serviceDeadlines: 'service-deadlines',
  searchSynonyms: 'search-synonyms',
} as const;

/**
 * Staff roles. `admin` manages users and settings, `editor` public content, `handler` appeals, `manager` reads the
 * appeals quality report only (REQUIREMENTS §1: managers get the quality reports) — no appeals, no personal data;
 * `moderator` works the moderation queue of what the public writes (reviews, forum) and nothing else.
 */
export const ROLES = ['admin', 'editor', 'handler', 'manager', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Администратор',
  editor: 'Редактор',
  handler: 'Специалист по обращениям',
  manager: 'Руководитель',
  moderator: 'Модератор',
};
