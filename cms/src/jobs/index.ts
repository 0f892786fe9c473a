import type { TaskConfig } from 'payload';
import { confirmationTasks } from '../appeals/confirmation';
import { reviewTasks } from '../publishing/review';
import { siteBuildTasks } from '../publishing/site-build';
import { dailyBuildTasks } from '../publishing/daily-build';
import { handlerNotificationTasks } from '../appeals/handler-notification';
import { imapTasks } from '../appeals/imap-intake';

/** Every background task of the CMS process. */
export const jobTasks: TaskConfig[] = [...confirmationTasks, ...handlerNotificationTasks, ...imapTasks(), ...siteBuildTasks, ...dailyBuildTasks, ...reviewTasks];
