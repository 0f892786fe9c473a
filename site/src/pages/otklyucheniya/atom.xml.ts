import type { APIRoute } from 'astro';
import { outageFeedResponse } from '../../lib/outage-feed-routes';

/** Outages of every settlement. */
export const GET: APIRoute = ({ site }) => outageFeedResponse('atom.xml', site);
