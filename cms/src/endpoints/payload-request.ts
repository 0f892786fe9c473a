import type { PayloadRequest } from 'payload';

/**
 * Payload passes its request object, which is the incoming web Request with Payload's additions; the endpoint
 * library (`@portal/api`) takes the web Request.
 */
export const asRequest = (req: PayloadRequest): Request => req as unknown as Request;

/** The query parameters of the request (Payload leaves `url` undefined in some local calls). */
export const searchParamsOf = (req: PayloadRequest): URLSearchParams => new URL(req.url ?? 'http://x/').searchParams;

/** Answers with client data or per-request figures: never kept by a cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** The refusal of an endpoint for staff whose roles do not allow it. */
export const forbidden = (): Response => Response.json({ message: 'Недостаточно прав.' }, { status: 403 });
