import type { APIRoute, GetStaticPaths } from 'astro';
import { outageFeedResponse, settlementFeedPaths } from '../../../lib/outage-feed-routes';

export const getStaticPaths = (() => settlementFeedPaths()) satisfies GetStaticPaths;

/** Outages of one settlement. */
export const GET: APIRoute = ({ site, params }) => outageFeedResponse('rss.xml', site, params.settlement);
