import { AuthenticationError, LockedAuth, type CollectionAfterErrorHook, type CollectionBeforeOperationHook } from 'payload';
import { hashForNothing } from '../password-check';

/**
 * One answer for every failed login: an unknown e-mail, a wrong password and a locked account all get Payload's
 * «wrong e-mail or password» after the same password-hashing work, so neither the message nor the time tells
 * whether an account exists or is locked. (A known, unlocked e-mail goes on to Payload's own check, which hashes
 * once; unknown and locked ones are hashed here against a throwaway salt.)
 */
export const uniformLoginFailure: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'login') return args;
  const data = (args as { data?: { email?: unknown; password?: unknown } }).data;
  const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : '';
  const password = typeof data?.password === 'string' ? data.password : '';
  // Payload's own validation answers a login without an e-mail or a password.
  if (!email || !password) return args;
  const account = (await req.payload.db.findOne({ collection: collection.slug, req, where: { email: { equals: email } } })) as { lockUntil?: unknown } | null;
  const locked = Boolean(account?.lockUntil) && new Date(String(account?.lockUntil)).getTime() > Date.now();
  if (account && !locked) return args;
  await hashForNothing(password);
  throw new AuthenticationError(req.t);
};

/**
 * The attempt that locks an account (the fifth wrong password) makes Payload answer «locked» instead of «wrong
 * e-mail or password»: answered like any other failure.
 */
export const hideLockedAccount: CollectionAfterErrorHook = ({ error, req, result }) => {
  // `instanceof` first: the admin's minified build may rename the class (and so `name`).
  if (!(error instanceof LockedAuth) && error.name !== 'LockedAuth') return;
  return { response: { ...result, errors: [{ message: new AuthenticationError(req.t).message }] }, status: 401 };
};
