/**
 * A stored field that the edit view does not show as an input: the appeal's overview shows it as text instead
 * (cms/src/collections/Appeals). The field stays in the form's data, the list columns and the filters.
 */
export function NotInForm() {
  return null;
}
