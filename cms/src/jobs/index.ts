import type { TaskConfig } from 'payload';
import { confirmationTasks } from '../appeals/confirmation';

/** Every background task of the CMS process. */
export const jobTasks: TaskConfig[] = [...confirmationTasks];
