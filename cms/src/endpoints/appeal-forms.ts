import type { Endpoint } from 'payload';
import { APPEAL_FORM_LIST, type AppealForm } from '@portal/core/appeal-forms';
import { handleAppealForm } from '@portal/api/appeal-form-endpoint';
import { humanCheckEnabled, issueChallenge } from '../appeals/intake/human-check';
import { singleUseHumanCheck } from '../appeals/intake/human-check-once';
import { completeAppealTopic, emailWithinLimit, precheckAppealForm } from '../appeals/intake/prechecks';
import { registerAppeal } from '../appeals/intake/register';
import { loadFormSettings } from '../appeals/settings/settings';
import { asRequest, NO_STORE } from './payload-request';

/**
 * `POST /api/forms/<name>` for one row of the form table: the shared endpoint (`@portal/api`) with the CMS
 * behind it — the single-use human check, the rate limit per e-mail, the row's precheck and topic rule, and
 * the one registration path.
 */
function appealFormEndpoint(form: AppealForm): Endpoint {
  return {
    path: form.endpointPath,
    method: 'post',
    handler: (req) => {
      const human = singleUseHumanCheck(req.payload, asRequest(req));
      return handleAppealForm(asRequest(req), form, {
        precheck: (raw, parsed) => precheckAppealForm(req.payload, form, raw, parsed),
        verifyHuman: human.verify,
        withinEmailLimit: (email) => emailWithinLimit(req.payload, email),
        register: async (submission, meta, _parsed, files) => {
          await human.spend();
          await completeAppealTopic(req.payload, form, submission);
          return registerAppeal(req.payload, form.type, submission, meta, { attachments: files });
        },
        ...(form.attachments ? { attachmentLimits: async () => (await loadFormSettings(req.payload)).attachmentLimits } : {}),
      });
    },
  };
}

/** Every public appeal form, one endpoint per row of `@portal/core/appeal-forms`. The public server forwards `/api/forms/*` here. */
export const appealFormEndpoints: Endpoint[] = APPEAL_FORM_LIST.map(appealFormEndpoint);

/** The forms' proof-of-work challenge; `{ enabled: false }` when the check is off. */
export const humanCheckChallengeEndpoint: Endpoint = {
  path: '/forms/challenge',
  method: 'get',
  handler: async () =>
    Response.json(humanCheckEnabled() ? { enabled: true, challenge: await issueChallenge() } : { enabled: false }, { headers: NO_STORE }),
};
