import type { Endpoint, PayloadRequest } from 'payload';
import type { z } from 'zod';
import type { AppealType } from '@portal/core/appeal-type';
import { COMPLAINT_FORM_MESSAGES, ComplaintFormSchema, complaintSubmission } from '@portal/core/complaint-form';
import { FEEDBACK_FORM_MESSAGES, FeedbackFormSchema, feedbackSubmission } from '@portal/core/feedback-form';
import { HouseholdReadingsSchema, LegalReadingsSchema, meterReadingsSubmission } from '@portal/core/meter-readings-form';
import {
  SERVICE_APPLICATION_MESSAGES,
  ServiceApplicationFlSchema,
  ServiceApplicationUlSchema,
  serviceApplicationSubmission,
} from '@portal/core/service-application-form';
import {
  handleAppealForm,
  type AppealEndpointDeps,
  type AppealFormDefinition,
  type PrecheckResult,
} from '@portal/api/appeal-form-endpoint';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { checkReadings, checkService, checkTopic, emailWithinLimit, findActiveService } from '../appeals/intake/prechecks';
import { registerAppeal } from '../appeals/intake/register';
import { withTerritoryCheck } from '../appeals/intake/routing';
import { loadFormSettings } from '../appeals/settings/settings';

// Payload passes its request object, which is the incoming web Request with Payload's additions.
const asRequest = (req: PayloadRequest): Request => req as unknown as Request;

/** Topic slug given to readings appeals, so they land with the readings specialists. */
const READINGS_TOPIC = 'pokazaniya';

interface FormEndpointSpec<Schema extends z.ZodType> {
  path: string;
  type: AppealType;
  definition: AppealFormDefinition<Schema>;
  precheck(req: PayloadRequest, raw: unknown, form: z.output<Schema> | undefined): Promise<PrecheckResult>;
  /** Whether the form takes attachments (complaints and applications, as the standards say). */
  attachments?: boolean;
  /** Fills what the server decides (e.g. the topic of an application comes from its service). */
  complete?(req: PayloadRequest, submission: ReturnType<AppealFormDefinition<Schema>['toSubmission']>): Promise<void>;
}

function formEndpoint<Schema extends z.ZodType>(spec: FormEndpointSpec<Schema>): Endpoint {
  return {
    path: spec.path,
    method: 'post',
    handler: (req) => {
      const human = singleUseHumanCheck(req.payload, asRequest(req));
      const deps: AppealEndpointDeps<z.output<Schema>> = {
        precheck: (raw, form) => withTerritoryCheck(req.payload, raw, () => spec.precheck(req, raw, form)),
        verifyHuman: human.verify,
        withinEmailLimit: (email) => emailWithinLimit(req.payload, email),
        register: async (submission, meta, _form, files) => {
          await human.spend();
          await spec.complete?.(req, submission);
          return registerAppeal(req.payload, spec.type, submission, meta, { attachments: files });
        },
        ...(spec.attachments ? { attachmentLimits: async () => (await loadFormSettings(req.payload)).attachmentLimits } : {}),
      };
      return handleAppealForm(asRequest(req), spec.definition, deps);
    },
  };
}

const knownTopicPrecheck =
  (message: string) =>
  (req: PayloadRequest, raw: unknown): Promise<PrecheckResult> =>
    checkTopic(req.payload, raw, message);

async function serviceTopic(req: PayloadRequest, submission: { topic?: string | undefined; details?: Record<string, unknown> | undefined }) {
  const slug = submission.details?.service;
  if (typeof slug !== 'string') return;
  const service = await findActiveService(req.payload, slug);
  submission.topic = service?.topicSlug;
  if (service && submission.details) submission.details.serviceTitle = service.title;
}

async function readingsTopic(req: PayloadRequest, submission: { topic?: string | undefined }) {
  const topics = await req.payload.count({ collection: 'topics', where: { slug: { equals: READINGS_TOPIC } }, overrideAccess: true });
  if (topics.totalDocs > 0) submission.topic = READINGS_TOPIC;
}

/**
 * The public appeal forms besides the question (which keeps its own endpoint): one registration path,
 * one schema each. The public server forwards `/api/forms/*` here.
 */
export const appealFormEndpoints: Endpoint[] = [
  formEndpoint({
    path: '/forms/complaint',
    type: 'complaint',
    definition: { name: 'complaint', schema: ComplaintFormSchema, toSubmission: complaintSubmission },
    precheck: knownTopicPrecheck(COMPLAINT_FORM_MESSAGES.topic),
    attachments: true,
  }),
  formEndpoint({
    path: '/forms/feedback',
    type: 'feedback',
    definition: { name: 'feedback', schema: FeedbackFormSchema, toSubmission: feedbackSubmission },
    precheck: knownTopicPrecheck(FEEDBACK_FORM_MESSAGES.topic),
  }),
  formEndpoint({
    path: '/forms/application-fl',
    type: 'application',
    definition: { name: 'application-fl', schema: ServiceApplicationFlSchema, toSubmission: serviceApplicationSubmission },
    precheck: (req, raw) => checkService(req.payload, raw, 'fl', SERVICE_APPLICATION_MESSAGES.service),
    attachments: true,
    complete: serviceTopic,
  }),
  formEndpoint({
    path: '/forms/application-ul',
    type: 'application',
    definition: { name: 'application-ul', schema: ServiceApplicationUlSchema, toSubmission: serviceApplicationSubmission },
    precheck: (req, raw) => checkService(req.payload, raw, 'ul', SERVICE_APPLICATION_MESSAGES.service),
    attachments: true,
    complete: serviceTopic,
  }),
  formEndpoint({
    path: '/forms/readings-household',
    type: 'readings',
    definition: { name: 'readings-household', schema: HouseholdReadingsSchema, toSubmission: meterReadingsSubmission },
    precheck: (req, _raw, form) => checkReadings(req.payload, form),
    complete: readingsTopic,
  }),
  formEndpoint({
    path: '/forms/readings-legal',
    type: 'readings',
    definition: { name: 'readings-legal', schema: LegalReadingsSchema, toSubmission: meterReadingsSubmission },
    precheck: (req, _raw, form) => checkReadings(req.payload, form),
    complete: readingsTopic,
  }),
];
