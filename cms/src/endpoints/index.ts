import type { Endpoint } from 'payload';
import { accessEndpoint } from './access';
import { chatEndpoints } from '../chat/endpoints';
import { alertEndpoints } from './alerts';
import { moderationEndpoints } from './moderation';
import { appealFormEndpoints, humanCheckChallengeEndpoint } from './appeal-forms';
import { appealStatusByNumberEndpoint, appealStatusByTokenEndpoint } from './appeal-status';
import { appealsReportEndpoint } from './appeals-report';
import { backupEndpoint } from './backup';
import { chatConsoleEndpoints } from './chat-console';
import { bookingEndpoints } from './booking';
import { bookingStaffEndpoints } from './booking-staff';
import { healthEndpoint, healthzEndpoint, readyzEndpoint } from './health';
import { mailIntakeEndpoint } from './mail-intake';
import { faqPreviewEndpoint, liveStateEndpoint, publishingReportEndpoint } from './publishing';
import { searchEndpoint, searchEventsEndpoint, searchReindexEndpoint } from './search';
import { siteExportEndpoint } from './site-export';
import { suggestionEventEndpoint } from './suggestion-event';
import { questionnaireAnswerEndpoint, questionnaireTokenEndpoint } from './questionnaires';
import { surveyAnswerEndpoint } from './survey';
import { forumNoticesPageEndpoint, forumNoticesStopEndpoint } from '../forum/notices';

/**
 * Custom endpoints, served under /api/ of the CMS process, one file per concern. The public server forwards
 * only /api/forms/*, /api/alerts/{subscribe,confirm,unsubscribe}, /api/moderation/verify, GET /api/search and POST /api/search/events to them; /api/site-export,
 * /api/search/reindex, /api/mail-intake, /api/health, /api/healthz, /api/readyz and /api/backup stay internal (cms/src/access/internal-request.ts).
 */
export const endpoints: Endpoint[] = [
  // The public forms and what they use: one endpoint per row of the form table, the proof-of-work challenge,
  // the status page, the survey and the FAQ suggestions' counters.
  ...appealFormEndpoints,
  // Booking a visit (issue 20): offices and topics, free times, book, the private page's cancel and move.
  ...bookingEndpoints,
  humanCheckChallengeEndpoint,
  appealStatusByTokenEndpoint,
  appealStatusByNumberEndpoint,
  surveyAnswerEndpoint,
  questionnaireTokenEndpoint,
  questionnaireAnswerEndpoint,
  suggestionEventEndpoint,
  mailIntakeEndpoint,
  searchEndpoint,
  searchEventsEndpoint,
  searchReindexEndpoint,
  siteExportEndpoint,
  faqPreviewEndpoint,
  liveStateEndpoint,
  publishingReportEndpoint,
  appealsReportEndpoint,
  healthEndpoint,
  healthzEndpoint,
  readyzEndpoint,
  backupEndpoint,
  accessEndpoint,
  // The chat's client endpoints (/api/chat/*), forwarded by the public server.
  ...chatEndpoints,
  // The operators' chat console (staff only; never forwarded by the public server).
  ...chatConsoleEndpoints,
  // Office bookings, staff side: attendance, booking for a caller, affected clients, the report (handlers, editors, admins by action).
  ...bookingStaffEndpoints,
  // E-mail alerts (issue 21): subscribe, confirm, one-click unsubscribe (forwarded by the public server), counts.
  ...alertEndpoints,
  // Moderated public writing (issue 22): the public form, the author's e-mail link, the moderators' actions.
  ...moderationEndpoints,
  // Forum (issue 22): the thread author's opt-out of staff-answer notices (forwarded by the public server).
  forumNoticesPageEndpoint,
  forumNoticesStopEndpoint,
];
