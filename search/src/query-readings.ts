/**
 * Other readings of a query typed the wrong way: Russian typed with the English keyboard layout on
 * («ghbdtn» for «привет»), the reverse («уьфшд» for «email»), and Russian written in Latin letters
 * («oplata», «schetchik»). The search tries them next to the query itself and keeps the reading that
 * matches best (see forgiving-search.ts); they are pure functions, shared by both engines.
 */

// The standard Windows/macOS «ЙЦУКЕН» layout over QWERTY, key by key (unshifted keys).
const EN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RU_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';

const EN_TO_RU = new Map<string, string>();
const RU_TO_EN = new Map<string, string>();
for (let i = 0; i < EN_KEYS.length; i++) {
  EN_TO_RU.set(EN_KEYS[i]!, RU_KEYS[i]!);
  RU_TO_EN.set(RU_KEYS[i]!, EN_KEYS[i]!);
}
// Punctuation keys that are letters in the Russian layout: converted only inside or at the end of a
// word, so «ghbdtn, rfr ltkf» keeps its comma but «,fkfyc» becomes «баланс».
const PUNCTUATION_LETTER_KEYS = new Set([...",.;'[]`"]);

/** Whether a text has Latin letters (only such queries can be wrong-layout Russian or transliteration). */
export function hasLatinLetters(text: string): boolean {
  return /[a-z]/i.test(text);
}

/** Whether a text has Cyrillic letters. */
export function hasCyrillicLetters(text: string): boolean {
  return /[а-яё]/i.test(text);
}

/**
 * Russian typed with the English layout, read back: every Latin letter (and the punctuation keys that
 * are Russian letters, inside words) becomes the Russian letter of the same key.
 * @example fromEnglishLayout('ntktajy cke;,s') // 'телефон службы'
 */
export function fromEnglishLayout(text: string): string {
  const chars = [...text.toLowerCase()];
  return chars
    .map((char, i) => {
      if (PUNCTUATION_LETTER_KEYS.has(char)) {
        const before = chars[i - 1];
        const after = chars[i + 1];
        const letterBefore = before !== undefined && /[a-z;'[\]`]/.test(before);
        const letterAfter = after !== undefined && /[a-z;'[\]`]/.test(after);
        // «,» and «.» end sentences too: only convert them when a letter follows.
        const convert = char === ',' || char === '.' ? letterAfter : letterBefore || letterAfter;
        return convert ? EN_TO_RU.get(char)! : char;
      }
      return EN_TO_RU.get(char) ?? char;
    })
    .join('');
}

/**
 * English typed with the Russian layout, read back (for the few Latin words of the site: e-mail, QR, СБП
 * is Cyrillic already).
 * @example fromRussianLayout('уьфшд') // 'email'
 */
export function fromRussianLayout(text: string): string {
  return [...text.toLowerCase()].map((char) => RU_TO_EN.get(char) ?? char).join('');
}

// Informal transliteration as people type it (not one standard: «sch»/«shch», «ya»/«ja»/«ia»…).
// Longest sequences first; word-final forms handled separately.
const TRANSLIT: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'сч'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['iu', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['ia', 'я'],
  ['yo', 'ё'],
  ['jo', 'ё'],
  ['ye', 'е'],
  ['je', 'е'],
  ["'", 'ь'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'ц'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['y', 'ы'],
  ['z', 'з'],
];

// Adjective endings written the informal way: «lichnyy», «lichnyj», «lichniy» → «личный».
const WORD_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/(?:yy|yj|iy|ij|yi)$/, 'ый'],
  [/(?:oy|oj)$/, 'ой'],
];

/**
 * Russian written in Latin letters, read as Cyrillic with the common informal spellings.
 * @example fromTranslit('oplata') // 'оплата'
 * @example fromTranslit('lichnyy kabinet') // 'личный кабинет'
 */
export function fromTranslit(text: string): string {
  return text.toLowerCase().replace(/[a-z']+/g, (word) => {
    let rest = word;
    let ending = '';
    for (const [pattern, cyrillic] of WORD_ENDINGS) {
      const match = pattern.exec(rest);
      // At least one letter before the ending: «moy» is «мой», but a bare «oy» is no word to guess at.
      if (match && rest.length > match[0].length) {
        ending = cyrillic;
        rest = rest.slice(0, -match[0].length);
        break;
      }
    }
    let out = '';
    let i = 0;
    while (i < rest.length) {
      const pair = TRANSLIT.find(([latin]) => rest.startsWith(latin, i));
      if (!pair) {
        out += rest[i];
        i += 1;
        continue;
      }
      out += pair[1];
      i += pair[0].length;
    }
    return out + ending;
  });
}

/** Why a reading differs from what the visitor typed. */
export type ReadingKind = 'layout' | 'translit';

/** One other way to read a query. */
export interface QueryReading {
  text: string;
  kind: ReadingKind;
}

/**
 * The other readings worth trying for a query, most likely first: for Latin text the English-layout
 * reading and the transliteration; for Cyrillic text without Latin letters the Russian-layout reading
 * (tried only when the query finds nothing, see forgiving-search.ts). Readings equal to the query are left out.
 */
export function alternativeReadings(query: string): QueryReading[] {
  const readings: QueryReading[] = [];
  const add = (text: string, kind: ReadingKind) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed !== '' && trimmed !== query.trim().toLowerCase() && !readings.some((r) => r.text === trimmed)) {
      readings.push({ text: trimmed, kind });
    }
  };
  if (hasLatinLetters(query)) {
    add(fromEnglishLayout(query), 'layout');
    add(fromTranslit(query), 'translit');
  } else if (hasCyrillicLetters(query)) {
    add(fromRussianLayout(query), 'layout');
  }
  return readings;
}
