import type { TaskConfig } from 'payload';
import { confirmationTasks } from '../appeals/confirmation';
import { reviewTasks } from '../publishing/review';
import { siteBuildTasks } from '../publishing/site-build';

/** Every background task of the CMS process. */
export const jobTasks: TaskConfig[] = [...confirmationTasks, ...siteBuildTasks, ...reviewTasks];
