import { ValidationError, type CollectionBeforeOperationHook } from 'payload';

/** The account fields Payload's auth code treats as text before any field validation runs. */
const TEXT_FIELDS = { email: 'Укажите e-mail текстом.', password: 'Укажите пароль текстом.', currentPassword: 'Укажите текущий пароль текстом.' } as const;

/**
 * A staff account's e-mail and password must be text: Payload's auth operations lower-case and hash them before its
 * field validation runs, so JSON such as `{"email": 1}` would end in a server error (500). Refused here as a 400
 * with a Russian message per field, for every operation that carries data.
 */
export const requireTextCredentials: CollectionBeforeOperationHook = ({ args, collection }) => {
  const data = (args as { data?: unknown }).data;
  if (!data || typeof data !== 'object') return args;
  const errors = Object.entries(TEXT_FIELDS)
    .filter(([field]) => field in data && (data as Record<string, unknown>)[field] !== undefined && (data as Record<string, unknown>)[field] !== null && typeof (data as Record<string, unknown>)[field] !== 'string')
    .map(([path, message]) => ({ path, message }));
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors });
  return args;
};
