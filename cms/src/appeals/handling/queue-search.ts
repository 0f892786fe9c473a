import type { CollectionBeforeOperationHook, Where } from 'payload';

/**
 * The queue's search by phone: phones are stored as `+79001112233`, but a handler types what the client said or
 * wrote — «8 900 111-22-33», «+7 (900) 111». A search text that looks like a phone (digits and phone punctuation
 * only, at least three digits) is matched on the phone by its digits, without the country code (7 or 8).
 * Returns the text to match the phone with, or null to leave the condition as it is.
 */
export function phoneSearchDigits(text: string): string | null {
  if (!/^[\d\s()+\-.]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  if (digits.length < 3) return null;
  if (digits.length > 10 && /^[78]/.test(digits)) digits = digits.slice(1);
  else if (/^\s*(\+7|8)/.test(text) && digits.length > 1) digits = digits.slice(1);
  return digits;
}

/** `where` with every `phone: { like }` condition matched by its digits ({@link phoneSearchDigits}). */
export function withPhoneSearchDigits(where: Where | undefined): Where | undefined {
  if (!where || typeof where !== 'object') return where;
  const result: Where = {};
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      result[key] = value.map((inner) => withPhoneSearchDigits(inner as Where) as Where);
    } else if (key === 'phone' && value && typeof value === 'object' && typeof (value as { like?: unknown }).like === 'string') {
      const digits = phoneSearchDigits((value as { like: string }).like);
      result[key] = digits === null ? value : { ...value, like: digits };
    } else {
      result[key] = value as Where[string];
    }
  }
  return result;
}

/** Appeals' beforeOperation hook: the list's search (and any read) finds phones typed with formatting. */
export const matchPhoneSearchByDigits: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'count') return args;
  const where = (args as { where?: Where }).where;
  return where ? { ...args, where: withPhoneSearchDigits(where) } : args;
};
