/**
 * Finds personal data in a text meant for publication (complaint answer summaries). Deliberately strict:
 * a false alarm costs an editor a rewording, a miss publishes someone's data.
 */

/** Kinds of personal data the guard recognises. */
export const PERSONAL_DATA_KINDS = ['email', 'phone', 'account', 'snils', 'apartment'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Russian names used in the editor's error message. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  email: 'адрес электронной почты',
  phone: 'номер телефона',
  account: 'номер лицевого счёта, договора, документа или прибора учёта',
  snils: 'СНИЛС',
  apartment: 'номер квартиры',
};

/** One finding: what kind and the matching fragment. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  text: string;
}

const PATTERNS: readonly [PersonalDataKind, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu],
  // СНИЛС before phones: 123-456-789 01 would otherwise read as a phone.
  ['snils', /(?<!\d)\d{3}[- ]?\d{3}[- ]?\d{3}[- ]\d{2}(?!\d)/g],
  // +7 / 8 followed by ten digits with any usual separators, or a bare local number like 21-45-10.
  ['phone', /(?:\+\s*7|(?<!\d)8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g],
  ['phone', /(?<![\d.,])\d{2,3}-\d{2}-\d{2}(?![\d.,])/g],
  // Six or more digits in a row (optionally split by spaces in groups): account, contract, passport, meter serial.
  ['account', /(?<![\d.,])\d{6,}(?![\d.,])/g],
  ['account', /(?<![\d.,])\d{4} \d{6}(?![\d.,])/g],
  ['account', /(?:л\/с|лс|лицев\p{L}* сч[её]т\p{L}*|договор\p{L}*|паспорт\p{L}*)\s*(?:№|N|номер)?\s*\d{3,}/giu],
  ['apartment', /(?<!\p{L})кв(?:\.|артира)\s*№?\s*\d+/giu],
];

/**
 * All personal data found in `text`, in pattern order; empty when the text looks safe to publish.
 * Sums (`1 234,56 ₽`), dates (`12.03.2026`) and years are not flagged.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const taken: [number, number][] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // One fragment is reported once, under the first (most specific) kind.
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.push({ kind, text: match[0].trim() });
    }
  }
  return found;
}

/**
 * A polite Russian refusal naming what was found, or null when the text is clean. The found fragments are
 * not echoed in full, so the message itself never spreads the data further (e.g. into logs).
 */
export function personalDataMessage(text: string): string | null {
  const kinds = [...new Set(findPersonalData(text).map((match) => match.kind))];
  if (kinds.length === 0) return null;
  return (
    `Текст нельзя опубликовать: в нём есть персональные данные (${kinds.map((kind) => PERSONAL_DATA_LABELS[kind]).join(', ')}). ` +
    'Пожалуйста, уберите их или замените обобщённым описанием.'
  );
}
