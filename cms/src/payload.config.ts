// First: zod's Russian locale for everything that validates in this process.
import './zod-locale';
import { BookingClaims } from './collections/BookingClaims';
import { Bookings } from './collections/Bookings';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfig } from 'payload';
import { lexicalEditor } from '@payloadcms/richtext-lexical';
import { nodemailerAdapter } from '@payloadcms/email-nodemailer';
import { ru } from '@payloadcms/translations/languages/ru';
import { RU_ADMIN_TRANSLATIONS } from './admin-translations';
import { AppealAttachments } from './collections/AppealAttachments';
import { Appeals } from './collections/Appeals';
import { AppealNotices } from './collections/AppealNotices';
import { AuditLog } from './collections/AuditLog';
import { ComplaintSummaries } from './collections/ComplaintSummaries';
import { QuarterlyReports } from './collections/QuarterlyReports';
import { QuestionnaireAnswers } from './collections/QuestionnaireAnswers';
import { Reviews } from './collections/Reviews';
import { Questionnaires } from './collections/Questionnaires';
import { ForumPosts } from './collections/ForumPosts';
import { ForumThreads } from './collections/ForumThreads';
import { AnswerTemplates } from './collections/AnswerTemplates';
import { ChatTemplates } from './collections/ChatTemplates';
import { documentFilesCollection, documentFilesDir } from './collections/DocumentFiles';
import { Documents } from './collections/Documents';
import { News } from './collections/News';
import { Offices } from './collections/Offices';
import { Pages } from './collections/Pages';
import { TariffPeriods } from './collections/TariffPeriods';
import { UnregulatedPrices } from './collections/UnregulatedPrices';
import { UsefulLinks } from './collections/UsefulLinks';
import { Counters } from './collections/Counters';
import { HumanCheckUses } from './collections/HumanCheckUses';
import { OutgoingLetters } from './collections/OutgoingLetters';
import { Faq } from './collections/Faq';
import { Redirects } from './collections/Redirects';
import { SiteBuilds } from './collections/SiteBuilds';
import { BackupAlerts, BackupRuns } from './collections/BackupRuns';
import { SearchQueries } from './collections/SearchQueries';
import { Services } from './collections/Services';
import { Territories } from './collections/Territories';
import { AlertSubscriptions } from './collections/AlertSubscriptions';
import { Topics } from './collections/Topics';
import { Users } from './collections/Users';
import { ChatConversations } from './collections/ChatConversations';
import { ChatMessages } from './collections/ChatMessages';
import { AlertCampaigns, AlertDeliveries, AlertLists, AlertScenarios } from './alerts/campaigns/collections';
import { cmsOrigins } from './access/forged-requests';
import { withGuardedDocumentLocks } from './access/document-locks';
import { databaseAdapter } from './db';
import { endpoints } from './endpoints';
import { pinCmsTimeZone, portalRoot, readCmsEnv } from './env';
import { CompanySettings } from './globals/CompanySettings';
import { ProductionCalendar } from './globals/ProductionCalendar';
import { SearchSynonyms } from './globals/SearchSynonyms';
import { ServiceDeadlines } from './globals/ServiceDeadlines';
import { jobTasks } from './jobs';
import { createSmtpTransport } from './appeals/outbox/mailer';
import { initPortal } from './init';
import { cmsLoggerOptions } from './logging';
import { staffFields, withStaffDisplay } from './admin-display';
import { STAFF_BROWSER_DATE_FNS_PATTERN } from './components/staff-dates';

const dirname = path.dirname(fileURLToPath(import.meta.url));
// The environment, validated once: a bad value stops the CMS here with the variable's name.
const env = readCmsEnv();
// Payload formats its own dates (version screens, the document header, list cells) in the process's time zone on the
// server: the CMS runs in the company's zone (TZ, default Europe/Moscow), like every date our components show.
const adminTimeZone = pinCmsTimeZone();

export default withGuardedDocumentLocks(buildConfig({
  // Left empty on purpose: the admin then calls its API on whatever address it was opened at (http://localhost:3001
  // and http://127.0.0.1:3001 alike under `npm start`). Absolute links in letters come from CMS_PUBLIC_URL instead.
  serverURL: '',
  // Cookie sessions are honoured only for requests from the CMS's own origin(s) (Payload drops the cookie of any
  // other `Origin`); the REST route refuses such state-changing requests outright (access/forged-requests.ts).
  csrf: cmsOrigins(env.CMS_PUBLIC_URL),
  secret: env.PAYLOAD_SECRET,
  telemetry: false,
  // JSON lines on stdout with personal data redacted (logging.ts).
  logger: { options: cmsLoggerOptions(env.LOG_LEVEL) },
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' — Интернет-приёмная' },
    // Payload formats the document header's dates in the browser's zone: the pattern names that zone's offset (cms/src/components/staff-dates.ts).
    dateFormat: STAFF_BROWSER_DATE_FNS_PATTERN,
    components: {
      beforeDashboard: [
        '/components/WorkOverview#WorkOverview',
        '/components/SiteBuildStatus#SiteBuildStatus',
        '/components/BackupStatus#BackupStatus',
        '/components/ReviewOverdue#ReviewOverdue',
        '/components/PublishingReport#PublishingReport',
        '/components/AlertSubscriberCounts#AlertSubscriberCounts',
      ],
      afterNavLinks: ['/components/AppealsReportNavLink#AppealsReportNavLink', '/components/ChatConsoleNavLink#ChatConsoleNavLink', '/components/BookingNavLinks#BookingNavLinks', '/components/ModerationNavLink#ModerationNavLink'],
      // «Отчёт по обращениям» (components/appeals-report-path.ts keeps the path).
      // «Онлайн-консультант», the operators' chat console (components/chat-console-path.ts keeps the path).
      // Office bookings' staff views (components/booking-paths.ts keeps the paths).
      views: {
        appealsReport: { Component: '/components/AppealsReportView#AppealsReportView', path: '/appeals-report' },
        chatConsole: { Component: '/components/ChatConsoleView#ChatConsoleView', path: '/chat-console' },
        bookingDay: { Component: '/components/BookingDayView#BookingDayView', path: '/bookings-day' },
        bookingsAffected: { Component: '/components/AffectedBookingsView#AffectedBookingsView', path: '/bookings-affected' },
        bookingReport: { Component: '/components/BookingReportView#BookingReportView', path: '/bookings-report' },
        // «Модерация»: the one queue of what the public writes (components/moderation-path.ts keeps the path).
        moderation: { Component: '/components/ModerationView#ModerationView', path: '/moderation' },
      },
    },
  },
  i18n: {
    supportedLanguages: { ru },
    fallbackLanguage: 'ru',
    // Payload's Russian strings that read wrong with our labels («Создать новый Рассылка»): admin-translations.ts.
    translations: { ru: RU_ADMIN_TRANSLATIONS },
  },
  collections: [
    Pages,
    Faq,
    Topics,
    Territories,
    TariffPeriods,
    UnregulatedPrices,
    Offices,
    News,
    ComplaintSummaries,
    QuarterlyReports,
    Questionnaires,
    QuestionnaireAnswers,
    Reviews,
    ForumThreads,
    ForumPosts,
    AnswerTemplates,
    ChatTemplates,
    Documents,
    documentFilesCollection(documentFilesDir(env.DATABASE_URL, portalRoot(env))),
    UsefulLinks,
    Services,
    Redirects,
    Appeals,
    AppealNotices,
    OutgoingLetters,
    AppealAttachments,
    Users,
    Counters,
    HumanCheckUses,
    Bookings,
    BookingClaims,
    SiteBuilds,
    BackupRuns,
    BackupAlerts,
    AuditLog,
    SearchQueries,
    ChatConversations,
    ChatMessages,
    AlertSubscriptions,
    AlertCampaigns,
    AlertScenarios,
    AlertLists,
    AlertDeliveries,
  ].map((collection) => withStaffDisplay(collection, adminTimeZone)),
  globals: [CompanySettings, ProductionCalendar, ServiceDeadlines, SearchSynonyms].map((global) => withStaffDisplay(global, adminTimeZone)),
  editor: lexicalEditor(),
  db: databaseAdapter(env),
  email: nodemailerAdapter({
    defaultFromAddress: env.MAIL_FROM ?? 'robot@example.ru',
    defaultFromName: 'Интернет-приёмная',
    skipVerify: true,
    // Payload's own letters (password reset) and the editors' review reminders: the transport of outbox/mailer.ts.
    transport: createSmtpTransport(env.SMTP_URL),
  }),
  // GraphQL is not used by the portal; keeping it off removes one public surface.
  graphQL: { disable: true },
  endpoints,
  jobs: {
    tasks: jobTasks,
    // Every second: confirmations go out within about a second of registration. Silent: the sweep runs every 30 s.
    autoRun:
      env.JOBS_AUTORUN === 'on'
        ? [
            { cron: '* * * * * *', limit: 20, queue: 'default', silent: true },
            // Site builds: one at a time, on their own queue, so a build never holds up the mail robot.
            { cron: '* * * * * *', limit: 1, queue: 'site-build', silent: true },
          ]
        : [],
    // Completed jobs are deleted; failed ones stay visible to administrators.
    deleteJobOnComplete: true,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      // The jobs' JSON fields (input, log) read-only like every JSON field: no editor code from a CDN.
      fields: staffFields(defaultJobsCollection.fields, adminTimeZone),
      admin: { ...defaultJobsCollection.admin, hidden: ({ user }) => !(user?.roles as string[] | undefined)?.includes('admin') },
    }),
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  onInit: (payload) => initPortal(payload, env),
}));
