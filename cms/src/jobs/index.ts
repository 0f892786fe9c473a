import type { TaskConfig } from 'payload';
import { confirmationTasks } from '../appeals/confirmation';
import { reviewTasks } from '../publishing/review';
import { siteBuildTasks } from '../publishing/site-build';
import { dailyBuildTasks } from '../publishing/daily-build';
import { handlerNotificationTasks } from '../appeals/handler-notification';
import { imapTasks } from '../appeals/imap-intake';
import { deadlineReminderTasks } from '../appeals/deadline-reminders';
import { answerTasks } from '../appeals/answer-delivery';
import { answerSweepTasks } from '../appeals/answer-sweep';
import { surveyTasks } from '../appeals/survey';
import { retentionTasks } from '../appeals/retention';

/** Every background task of the CMS process. */
export const jobTasks: TaskConfig[] = [
  ...confirmationTasks,
  ...handlerNotificationTasks,
  ...deadlineReminderTasks,
  ...answerTasks,
  ...answerSweepTasks,
  ...surveyTasks(),
  ...retentionTasks,
  ...imapTasks(),
  ...siteBuildTasks,
  ...dailyBuildTasks,
  ...reviewTasks,
];
