import type { TaskConfig } from 'payload';
import { outboxTasks } from '../appeals/outbox/jobs';
import { reviewTasks } from '../publishing/review';
import { siteBuildTasks } from '../publishing/site-build';
import { dailyBuildTasks } from '../publishing/daily-build';
import { imapTasks } from '../appeals/intake/imap-intake';
import { deadlineReminderTasks } from '../appeals/handling/deadline-reminders';
import { answerTasks } from '../appeals/handling/answer-delivery';
import { answerSweepTasks } from '../appeals/handling/answer-sweep';
import { surveyTasks } from '../appeals/handling/survey';
import { retentionTasks } from '../appeals/handling/retention';
import { orphanAttachmentTasks } from '../appeals/intake/orphan-attachments';
import { passwordResetTasks } from '../collections/Users/reset-letter';
import { backupTasks } from '../backup/nightly';
import { chatReminderTasks } from '../chat-console/reminders';
import { bookingSweepTasks } from '../booking/sweep';
import { alertSubscriptionTasks } from '../alerts/subscriptions';
import { moderationRetentionTasks } from '../moderation/retention';

/** Every background task of the CMS process. */
export const jobTasks: TaskConfig[] = [
  ...outboxTasks,
  ...deadlineReminderTasks,
  ...answerTasks,
  ...answerSweepTasks,
  ...surveyTasks(),
  ...retentionTasks,
  ...orphanAttachmentTasks,
  ...bookingSweepTasks,
  ...imapTasks(),
  ...siteBuildTasks,
  ...dailyBuildTasks,
  ...reviewTasks,
  ...passwordResetTasks,
  ...backupTasks(),
  ...chatReminderTasks,
  ...alertSubscriptionTasks,
  ...moderationRetentionTasks,
];
