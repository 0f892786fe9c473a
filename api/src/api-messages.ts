/**
 * Russian messages of the public `/api/` answers that more than one module sends, so a visitor sees
 * the same wording whether the public server or an endpoint in the CMS answered.
 */

// The 503 answer is part of the appeal contract (core); the public server sends the same words.
export { SERVICE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@portal/core/appeal-contract';

/** An `/api/` address that does not exist (or is not public). */
export const NOT_FOUND_MESSAGE = 'Такого адреса нет.';

/** A method the address does not accept. */
export const METHOD_NOT_ALLOWED_MESSAGE = 'Этот адрес не принимает такие запросы.';
