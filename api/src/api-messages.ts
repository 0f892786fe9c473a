/**
 * Russian messages of the public `/api/` answers that more than one module sends, so a visitor sees
 * the same wording whether the public server or an endpoint in the CMS answered.
 */

/** The CMS, the database or the search engine cannot answer right now. */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'Сервис временно недоступен, попробуйте позже. Если вопрос срочный, позвоните на горячую линию.';

/** Seconds a client is asked to wait after a 503. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

/** An `/api/` address that does not exist (or is not public). */
export const NOT_FOUND_MESSAGE = 'Такого адреса нет.';

/** A method the address does not accept. */
export const METHOD_NOT_ALLOWED_MESSAGE = 'Этот адрес не принимает такие запросы.';
