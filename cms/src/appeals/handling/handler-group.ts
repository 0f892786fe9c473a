import type { FieldHook, TextFieldSingleValidation } from 'payload';
import { handlerGroupsInUse } from '../intake/routing';
import { robotSettings } from '../settings/settings-cache';

/** The refusal of a group no topic routes to: names the groups to choose from (Russian alphabetical order). */
export function unknownHandlerGroupMessage(groups: readonly string[]): string {
  if (groups.length === 0) return 'Группы исполнителей ещё не заданы в темах обращений: оставьте поле пустым.';
  return `Такой группы исполнителей нет в настройках тем обращений. Выберите одну из групп: ${groups.join(', ')} — или оставьте поле пустым.`;
}

/** Spaces around a typed group are dropped, so the stored value is the one the queue's filter matches. */
export const trimHandlerGroup: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim() : value);

/**
 * The appeal's working field «Группа исполнителей» takes only a group the topics route to (`handlerGroupsInUse`,
 * what the «routed» transition offers) or nothing: a typo would otherwise send the appeal to a group nobody watches.
 * Checked only when the value changes — an appeal keeps a group that topics no longer name (re-configured routing)
 * while other fields are edited — and never for the server's own writes (`overrideAccess`: registration, transitions).
 */
export const validateHandlerGroup: TextFieldSingleValidation = async (value, { previousValue, overrideAccess, event, req }) => {
  if (overrideAccess) return true;
  const group = typeof value === 'string' ? value.trim() : '';
  if (!group) return true;
  // The admin's form checks as the user types without always knowing the stored value; the save checks for good.
  if (event === 'onChange' && previousValue === undefined) return true;
  if (typeof previousValue === 'string' && previousValue.trim() === group) return true;
  const groups = handlerGroupsInUse((await robotSettings(req.payload)).topicsById.values());
  return groups.includes(group) || unknownHandlerGroupMessage(groups);
};
