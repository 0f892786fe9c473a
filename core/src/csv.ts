/**
 * One CSV cell (RFC 4180) for the given separator. Text starting with = + - @, a tab or a carriage return gets an
 * apostrophe first, so a spreadsheet never runs it as a formula (OWASP «CSV injection»); a cell holding the
 * separator, a quote, CR or LF is quoted with its quotes doubled, so a line break inside a cell never starts a row.
 * Numbers are ours and written as they are; an empty value is an empty cell.
 */
export function csvCell(value: string | number | null, separator: ',' | ';'): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe);
  return needsQuotes ? `"${safe.replaceAll('"', '""')}"` : safe;
}
