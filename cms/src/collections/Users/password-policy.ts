import { ValidationError, type CollectionBeforeValidateHook } from 'payload';

/** Shortest staff password accepted. Same floor as ADMIN_PASSWORD in the environment. */
export const MIN_PASSWORD_LENGTH = 12;
/** Fewest different characters: rejects «aaaaaaaaaaaa», «121212121212» and the like. */
export const MIN_DISTINCT_CHARACTERS = 6;

/** Shown next to the password field when the policy refuses it. */
export const PASSWORD_POLICY_MESSAGE =
  `Пароль слишком простой: нужно не меньше ${MIN_PASSWORD_LENGTH} символов и хотя бы ${MIN_DISTINCT_CHARACTERS} разных знаков. ` +
  'Удобно взять фразу из нескольких слов.';

/** True when the password meets the staff password policy. */
export function isStrongEnough(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH && new Set(password).size >= MIN_DISTINCT_CHARACTERS;
}

/**
 * Refuses weak passwords whenever one is set: creating a staff account, changing a password, resetting it.
 * Payload hashes the password after this hook, so the plain text is only checked here, never stored or logged.
 */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const password = (data as { password?: unknown } | undefined)?.password;
  if (typeof password === 'string' && !isStrongEnough(password)) {
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: PASSWORD_POLICY_MESSAGE }], req });
  }
  return data;
};
