import type { Endpoint, PayloadRequest } from 'payload';
import { handleQuestion } from '@portal/forms-api/question-endpoint';
import { handleSearch } from '@portal/forms-api/search-endpoint';
import { knownTopicSlugs, registerAppeal } from '../appeals/register';
import { searchEngine } from '../search/engine';
import { checkHuman, humanCheckEnabled, issueChallenge } from '../appeals/human-check';
import { emailWithinLimit } from '../appeals/prechecks';
import { appealFormEndpoints } from './appeal-forms';
import { mailIntakeEndpoint } from './mail-intake';
import { suggestionEventEndpoint } from './suggestion-event';
import { buildSiteExport } from './site-export';

// Payload passes its request object, which is the incoming web Request with Payload's additions.
const asRequest = (req: PayloadRequest): Request => req as unknown as Request;

/**
 * Custom endpoints, served under /api/ of the CMS process. The public server forwards only
 * /api/forms/* and /api/search to them; /api/site-export and /api/health stay on loopback.
 */
export const endpoints: Endpoint[] = [
  {
    path: '/forms/question',
    method: 'post',
    handler: (req) =>
      handleQuestion(asRequest(req), {
        knownTopics: () => knownTopicSlugs(req.payload),
        register: (input, meta) => registerAppeal(req.payload, 'question', input, meta),
        verifyHuman: (body) => checkHuman(body),
        withinEmailLimit: (email) => emailWithinLimit(req.payload, email),
      }),
  },
  {
    // The forms' proof-of-work challenge; `{ enabled: false }` when the check is off.
    path: '/forms/challenge',
    method: 'get',
    handler: async () =>
      Response.json(humanCheckEnabled() ? { enabled: true, challenge: await issueChallenge() } : { enabled: false }, {
        headers: { 'Cache-Control': 'no-store' },
      }),
  },
  ...appealFormEndpoints,
  mailIntakeEndpoint,
  suggestionEventEndpoint,
  {
    path: '/search',
    method: 'get',
    handler: (req) => handleSearch(asRequest(req), searchEngine()),
  },
  {
    path: '/site-export',
    method: 'get',
    handler: async (req) => Response.json(await buildSiteExport(req.payload), { headers: { 'Cache-Control': 'no-store' } }),
  },
  {
    path: '/health',
    method: 'get',
    handler: async (req) => {
      const faq = await req.payload.count({ collection: 'faq', overrideAccess: true });
      return Response.json({ ok: true, faq: faq.totalDocs, search: await searchEngine().count() });
    },
  },
];
