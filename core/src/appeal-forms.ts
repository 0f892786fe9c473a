import type { z } from 'zod';
import { APPEAL_TYPE_LETTERS, type AppealType } from './appeal-type';
import type { AppealSubmission } from './appeal-submission';
import { APPEAL_FORM_NAMES, appealFormApiPath, appealFormEndpointPath, type AppealFormName } from './appeal-form-paths';
import { COMPLAINT_FORM_MESSAGES, ComplaintFormSchema, complaintSubmission } from './complaint-form';
import { FEEDBACK_FORM_MESSAGES, FeedbackFormSchema, feedbackSubmission } from './feedback-form';
import { HouseholdReadingsSchema, LegalReadingsSchema, meterReadingsSubmission } from './meter-readings-form';
import { QUESTION_FORM_MESSAGES, QuestionFormSchema, questionSubmission } from './question-form';
import {
  SERVICE_APPLICATION_MESSAGES,
  ServiceApplicationFlSchema,
  ServiceApplicationUlSchema,
  serviceApplicationSubmission,
} from './service-application-form';

export { APPEAL_FORM_NAMES, appealFormApiPath, appealFormEndpointPath, type AppealFormName } from './appeal-form-paths';

/**
 * The check only the CMS can make before a valid form is registered, named here and implemented once in the
 * CMS (`cms/src/appeals/intake/prechecks.ts`); every form's chosen territory is checked there first.
 */
export type AppealPrecheck =
  /** The chosen topic must be in the CMS taxonomy; `message` goes under the `topic` field otherwise. */
  | { kind: 'topic'; message: string }
  /** The chosen service must be active and offered to `audience`; `message` goes under `service` otherwise. */
  | { kind: 'service'; audience: 'fl' | 'ul'; message: string }
  /** Readings only on the company's days of the month; a reading lower than the meter's last one is questioned. */
  | { kind: 'readings' };

/** Where an appeal's topic comes from: the form's field, the chosen service's topic, or the readings topic. */
export type AppealTopicSource = 'form' | 'service' | 'readings';

/** One public appeal form: everything the endpoint, the site and the tests need to know about it. */
export interface AppealForm<Schema extends z.ZodType = z.ZodType> {
  /** Short English name, also in the address and in logs, e.g. `complaint`. */
  name: AppealFormName;
  /** Where the site posts it, e.g. `/api/forms/complaint`. */
  apiPath: string;
  /** The same endpoint as the CMS mounts it, e.g. `/forms/complaint`. */
  endpointPath: string;
  /** The one schema of the browser form and the server. */
  schema: Schema;
  /** The appeal type it registers: decides the deadline and the number's letter. */
  type: AppealType;
  /** The letter its registration numbers open with (from the appeal types' table), e.g. «Ж». */
  numberLetter: string;
  /** Whether it takes files (complaints and applications, as the standards say): then multipart is accepted too. */
  attachments: boolean;
  /** The server-side check before registration. */
  precheck: AppealPrecheck;
  /** Where the stored topic comes from. */
  topicFrom: AppealTopicSource;
  /** The validated form as an appeal (without consent and honeypot). */
  toSubmission(form: z.output<Schema>): AppealSubmission;
}

type AppealFormSpec<Schema extends z.ZodType> = Omit<AppealForm<Schema>, 'name' | 'apiPath' | 'endpointPath' | 'numberLetter'>;

/** A row of the table: the addresses and the number's letter follow from the name and the type. */
function appealForm<Schema extends z.ZodType>(name: AppealFormName, spec: AppealFormSpec<Schema>): AppealForm<Schema> {
  return {
    name,
    apiPath: appealFormApiPath(name),
    endpointPath: appealFormEndpointPath(name),
    numberLetter: APPEAL_TYPE_LETTERS[spec.type],
    ...spec,
  };
}

/**
 * The public appeal forms, one row each. Adding a form is one row here and one island on the site (see
 * `api/README.md`): the CMS mounts an endpoint for every row, and the tests check each row is served and posted to.
 */
export const APPEAL_FORMS = {
  question: appealForm('question', {
    schema: QuestionFormSchema,
    type: 'question',
    attachments: false,
    precheck: { kind: 'topic', message: QUESTION_FORM_MESSAGES.topic },
    topicFrom: 'form',
    toSubmission: questionSubmission,
  }),
  complaint: appealForm('complaint', {
    schema: ComplaintFormSchema,
    type: 'complaint',
    attachments: true,
    precheck: { kind: 'topic', message: COMPLAINT_FORM_MESSAGES.topic },
    topicFrom: 'form',
    toSubmission: complaintSubmission,
  }),
  feedback: appealForm('feedback', {
    schema: FeedbackFormSchema,
    type: 'feedback',
    attachments: false,
    precheck: { kind: 'topic', message: FEEDBACK_FORM_MESSAGES.topic },
    topicFrom: 'form',
    toSubmission: feedbackSubmission,
  }),
  'application-fl': appealForm('application-fl', {
    schema: ServiceApplicationFlSchema,
    type: 'application',
    attachments: true,
    precheck: { kind: 'service', audience: 'fl', message: SERVICE_APPLICATION_MESSAGES.service },
    topicFrom: 'service',
    toSubmission: serviceApplicationSubmission,
  }),
  'application-ul': appealForm('application-ul', {
    schema: ServiceApplicationUlSchema,
    type: 'application',
    attachments: true,
    precheck: { kind: 'service', audience: 'ul', message: SERVICE_APPLICATION_MESSAGES.service },
    topicFrom: 'service',
    toSubmission: serviceApplicationSubmission,
  }),
  'readings-household': appealForm('readings-household', {
    schema: HouseholdReadingsSchema,
    type: 'readings',
    attachments: false,
    precheck: { kind: 'readings' },
    topicFrom: 'readings',
    toSubmission: meterReadingsSubmission,
  }),
  'readings-legal': appealForm('readings-legal', {
    schema: LegalReadingsSchema,
    type: 'readings',
    attachments: false,
    precheck: { kind: 'readings' },
    topicFrom: 'readings',
    toSubmission: meterReadingsSubmission,
  }),
} satisfies Record<AppealFormName, AppealForm>;

/** The rows in the order of {@link APPEAL_FORM_NAMES}, for loops (endpoints, tests). */
export const APPEAL_FORM_LIST: readonly AppealForm[] = APPEAL_FORM_NAMES.map((name): AppealForm => APPEAL_FORMS[name]);
