import { stemmer as russianStemmer } from '@orama/stemmers/russian';

/**
 * Russian text analysis shared by both search engines.
 *
 * Meilisearch has no Russian stemming, so we never rely on an engine's own analysis: documents are
 * indexed as our stems (plus synonym keys) and queries are sent as our stems. Both engines therefore
 * see exactly the same terms and return the same matches.
 */

/**
 * A group of interchangeable words or phrases, e.g. `['лк', 'личный кабинет']`.
 * The first entry names the group: its stems, joined without spaces, form the group key that is
 * indexed wherever any member occurs and searched for whenever a query contains any member.
 */
export type SynonymGroup = readonly string[];

/** Abbreviations and everyday words our clients use for the same thing. */
export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  ['лк', 'личный кабинет'],
  ['пу', 'прибор учёта', 'счётчик', 'электросчётчик'],
  ['лс', 'лицевой счёт', 'лицевик'],
  ['цок', 'центр обслуживания клиентов', 'офис обслуживания', 'офис'],
  ['уид', 'код договора'],
  ['свет', 'электроэнергия', 'электричество'],
  ['квитанция', 'квиток', 'платёжка', 'платежка', 'платёжный документ'],
  ['пени', 'пеня', 'неустойка'],
  ['войти', 'зайти', 'заходить', 'вход'],
  ['электронная почта', 'email', 'e-mail', 'имейл', 'емейл', 'мейл'],
  ['сумма', 'сколько платить', 'сколько начислили'],
  ['тариф', 'сколько стоит', 'цена киловатта', 'стоимость киловатта', 'почём киловатт', 'сколько стоит киловатт', 'цена за квт', 'цена квт ч', 'почем квт'],
  ['изменение тарифов', 'меняются тарифы', 'подорожание', 'подорожает', 'подорожал', 'повышение тарифов'],
  ['временное отсутствие', 'уезжал', 'уехал', 'отъезд'],
  ['нет света', 'пропал свет', 'отключили свет', 'нет электричества', 'пропало электричество'],
  ['зарегистрироваться', 'регистрация', 'зарегистрировать'],
  ['задолженность', 'долг', 'неуплата'],
  ['позже', 'поздно', 'опоздал', 'после срока'],
  // Everyday verbs and phrases for what the FAQ says formally. Word-level groups widen every phrase
  // the word is in («скинуть показания», «скинуть фото счётчика»), so they list only words that mean
  // the same in this domain.
  ['передать', 'передавать', 'скинуть', 'скидывать', 'сдать', 'сдавать', 'отправить', 'отправлять', 'подать', 'внести', 'вносить', 'кинуть', 'закинуть'],
  ['отключили', 'отключить', 'отключение', 'вырубили', 'вырубить', 'отрубили', 'отрубить', 'обесточили', 'обесточить'],
  ['временное отсутствие', 'дача', 'отпуск', 'командировка', 'пустует'],
  ['оплатить', 'заплатить', 'платить', 'оплачивать', 'оплата', 'погасить', 'закинуть деньги', 'кинуть деньги', 'перевести деньги', 'внести деньги', 'положить деньги'],
  ['сломался', 'сломан', 'сломанный', 'вышел из строя', 'крутится', 'погас', 'глючит', 'барахлит'],
  ['купил квартиру', 'новый владелец', 'новый собственник', 'сменился собственник', 'продал квартиру', 'купили дом'],
  ['большой счет', 'слишком большой', 'много начислили', 'завысили', 'огромный счет', 'переплата', 'выросла сумма', 'неправильно начислили', 'начислили слишком много', 'слишком много'],
  ['перерасчет', 'пересчитать', 'пересчет', 'вернуть деньги'],
  ['жалоба', 'пожаловаться', 'претензия', 'недоволен'],
  ['скачок напряжения', 'перепад напряжения', 'скакнуло напряжение', 'моргает свет', 'мигает свет', 'лампы мигают'],
  ['двухтарифный', 'день ночь', 'ночной тариф', 'двухзонный', 'дневной и ночной'],
  ['компенсация', 'возместить', 'возмещение', 'сгорела техника'],
  ['пароль', 'пасворд', 'password'],
  ['забыл пароль', 'пароль не подходит', 'неверный пароль', 'не помню пароль', 'восстановить пароль', 'сбросить пароль', 'потерял пароль'],
  ['приложение', 'мобильное приложение', 'программа на телефоне'],
  ['куда звонить', 'телефон', 'номер телефона', 'горячая линия', 'позвонить'],
  ['режим работы', 'часы работы', 'график работы', 'расписание', 'время работы', 'до скольки работает', 'во сколько открывается'],
  ['какого числа', 'какие дни', 'в какой срок', 'до какого числа', 'крайний срок'],
  ['несколько месяцев', 'полгода', 'пару месяцев', 'долго не было', 'долгое время'],
  ['льготник', 'пенсионер', 'ветеран', 'многодетная семья', 'льготная категория', 'инвалид'],
  ['авария', 'аварийное отключение', 'аварийный', 'аварийная'],
  ['взять', 'брать', 'захватить', 'принести', 'иметь при себе'],
  ['получить', 'взять', 'достать', 'раздобыть'],
  ['устанавливает', 'решает', 'утверждает', 'определяет', 'назначает'],
  ['садоводческий', 'садовод', 'садоводы', 'снт', 'дачник', 'садовое товарищество'],
  // Units and their spellings: «кВт·ч», «квт/ч», «kWh» are one thing.
  ['квтч', 'квт ч', 'квт час', 'киловатт час', 'киловатт', 'kwh', 'kw h'],
  ['рубль', 'руб', 'рублей', 'rub'],
  ['копейка', 'коп'],
  // Address abbreviations, so «проспект Рыбаков» finds «пр-т Рыбаков».
  ['проспект', 'пр т', 'пр кт', 'просп'],
  ['улица', 'ул'],
  ['переулок', 'пер'],
  ['площадь', 'пл'],
  ['поселок', 'пос', 'пгт'],
];

/**
 * Colloquial spellings replaced by the standard word before stemming, so «скока» is searched as
 * «сколько». Keys and values are normalized (lower case, е for ё).
 */
export const COLLOQUIAL_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['скока', 'сколько'],
  ['скоко', 'сколько'],
  ['сколька', 'сколько'],
  ['скоька', 'сколько'],
  ['че', 'что'],
  ['чо', 'что'],
  ['шо', 'что'],
  ['щас', 'сейчас'],
  ['зарегаться', 'зарегистрироваться'],
  ['зарегиться', 'зарегистрироваться'],
  ['юрлицо', 'организация'],
  ['юрлицу', 'организации'],
  ['юрлица', 'организации'],
  ['физлицо', 'гражданин'],
  ['комуналка', 'коммуналка'],
  ['киловат', 'киловатт'],
  ['киловаты', 'киловатты'],
]);

/**
 * Numbers written as words, read as digits so «за два месяца» finds «2 месяца» and the reverse.
 * Only the forms people use in questions about bills and dates.
 */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map([
  // «один» is left out: «в один кабинет» is not a number.
  ['ноль', '0'],
  ['два', '2'], ['две', '2'], ['двух', '2'], ['три', '3'], ['трех', '3'], ['четыре', '4'], ['четырех', '4'],
  ['пять', '5'], ['пяти', '5'], ['шесть', '6'], ['шести', '6'], ['семь', '7'], ['семи', '7'], ['восемь', '8'],
  ['девять', '9'], ['десять', '10'], ['десяти', '10'], ['пятнадцать', '15'], ['пятнадцати', '15'],
  ['двадцать', '20'], ['двадцати', '20'], ['двадцатого', '20'], ['тридцать', '30'],
  ['тридцати', '30'], ['сто', '100'], ['ста', '100'], ['тысяча', '1000'], ['тысячи', '1000'],
  ['десятого', '10'], ['пятнадцатого', '15'],
]);

/**
 * Words a question needs but an answer rarely repeats («почему», «такой», «делать»). They score when
 * a text has them, but a hit need not have them (unless the query has nothing else): «почему такой
 * большой счёт» is answered by «Пришёл слишком большой счёт».
 */
export const WEAK_WORDS: ReadonlySet<string> = new Set([
  'почему', 'зачем', 'отчего', 'сколько', 'кто', 'куда', 'откуда', 'чем', 'чему', 'почем', 'какого', 'каких', 'какую',
  'такой', 'такая', 'такое', 'такие', 'такого', 'такую', 'делать', 'сделать', 'быть', 'был', 'была', 'было', 'были', 'будет', 'есть', 'очень',
  'просто', 'вообще', 'все', 'всё', 'весь', 'вся', 'всех', 'свой', 'свою', 'своего', 'хочу', 'хотим', 'хотел',
  'хотела', 'подскажите', 'скажите', 'пожалуйста', 'помогите', 'вопрос', 'узнать', 'сейчас', 'теперь', 'опять',
  'снова', 'вдруг', 'этого', 'этой', 'этому', 'тот', 'та', 'те', 'там', 'тут', 'здесь', 'нужен', 'нужна',
  'нужны', 'могу', 'может', 'мочь', 'ли', 'бывает', 'случилось', 'произошло', 'знаю', 'знать', 'понимаю',
  // Negation matters in phrases («нет света» is a synonym group) but an answer need not repeat it.
  'нет',
  // Every page of the site is about electricity: the word is implied, not required.
  'свет', 'света', 'свету', 'электроэнергия', 'электроэнергии', 'электроэнергию', 'электричество', 'электричества',
  'будут', 'будем', 'будете',
  // Verbs that frame a question rather than name its subject: «куда обращаться», «где посмотреть», «где найти».
  'обращаться', 'обратиться', 'идти', 'пойти', 'посмотреть', 'смотреть', 'найти', 'искать',
  // Units qualify a number, like the number itself: ranked, not required («сколько стоит кВт·ч ночью»).
  'квт', 'ч', 'квтч', 'киловатт', 'киловатта', 'киловатты', 'kwh', 'руб', 'рубль', 'рубля', 'рублей', 'коп', 'копеек',
]);

/**
 * Words that carry no meaning for search. Compared after {@link normalize}, before stemming.
 * "нет" is deliberately absent: «нет света» is a real question.
 */
export const RUSSIAN_STOP_WORDS: ReadonlySet<string> = new Set([
  'а', 'без', 'бы', 'в', 'вам', 'вас', 'ваш', 'ваша', 'ваше', 'ваши', 'во', 'вы', 'где', 'да', 'для',
  'до', 'его', 'ее', 'если', 'же', 'за', 'и', 'из', 'или', 'их', 'к', 'как', 'какая', 'какие', 'каким',
  'какое', 'какой', 'когда', 'ко', 'ли', 'меня', 'мне', 'мной', 'мое', 'моего', 'моей', 'мои', 'мой',
  'моя', 'мы', 'на', 'над', 'нам', 'нас', 'наш', 'не', 'ни', 'но', 'о', 'об', 'обо', 'он', 'она',
  'они', 'оно', 'от', 'по', 'под', 'при', 'про', 'с', 'со', 'так', 'то', 'у', 'уже', 'что', 'чтобы',
  'это', 'эта', 'этот', 'эти', 'я', 'можно', 'нужно', 'надо', 'ещё', 'еще',
]);

// Words that open a question, colloquial spellings included; most are stop words, so this looks at the raw text.
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'как', 'что', 'че', 'чо', 'где', 'когда', 'почему', 'зачем', 'куда', 'откуда', 'сколько', 'скока', 'скоко',
  'можно', 'нужно', 'надо', 'ли', 'кто', 'какой', 'какая', 'какие', 'каких', 'каким', 'чем', 'отчего', 'почем',
]);

/**
 * Whether a query reads like a question or a problem, which a FAQ entry answers best: it has a
 * question mark, a question word («как», «скока», «можно ли») or a negation («не пришла», «нет света»).
 */
export function isQuestionLike(text: string): boolean {
  if (text.includes('?')) return true;
  return tokenize(text).some((word) => QUESTION_WORDS.has(word) || word === 'не' || word === 'нет');
}

/** Options of the analysis; omitted fields fall back to the defaults above. */
export interface AnalysisOptions {
  /** Synonym groups; defaults to {@link DEFAULT_SYNONYMS}. */
  synonyms?: readonly SynonymGroup[];
}

/** One meaningful word of a text, with where it sits in the original string. */
export interface AnalyzedToken {
  /** The word exactly as written in the original text. */
  text: string;
  /** Offset of the word in the original text (UTF-16 code units). */
  start: number;
  /** Offset just past the word. */
  end: number;
  /** Russian Snowball stem of the normalized word. */
  stem: string;
  /** Keys of the synonym groups whose member phrase covers this word. */
  synonymKeys: string[];
  /** One of the {@link WEAK_WORDS}: left out first when nothing matches every word. */
  weak: boolean;
}

/** Typo budget per term length, shared by the embedded engine, Meilisearch settings and highlighting. */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 4, twoTypos: 8 } as const;

// Letters (with combining marks, e.g. a decomposed «й») and digits form words; everything else separates.
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Lower-cases, folds ё to е, replaces punctuation by spaces and collapses runs of spaces.
 * @example normalize('Счётчик, «ПУ»!') // 'счетчик пу'
 */
export function normalize(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits text into normalized words (stop words included). */
export function tokenize(text: string): string[] {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** Russian Snowball stem of one normalized word; words in other scripts and numbers pass unchanged. */
export function stem(token: string): string {
  if (!/[а-я]/.test(token)) return token;
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    // A site's vocabulary is a few tens of thousands of words; start afresh rather than grow without bound.
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemmed = russianStemmer(token);
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

// Stemming dominates indexing and highlighting time, and the same words recur in every text.
const STEM_CACHE_SIZE = 100_000;
const stemCache = new Map<string, string>();

/** Whether a normalized word is a stop word. */
export function isStopWord(token: string): boolean {
  return RUSSIAN_STOP_WORDS.has(token);
}

/**
 * How many typos a stemmed term tolerates: none below 4 letters, one from 4, two from 8.
 * Measured on the stem because stems are what both engines compare.
 */
export function typoBudget(term: string): 0 | 1 | 2 {
  const length = [...term].length;
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos) return 2;
  if (length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo) return 1;
  return 0;
}

/**
 * Finds the meaningful words of a text with their stems, positions and synonym keys.
 * Stop words are dropped; synonym phrases are matched on stems, so «личного кабинета» and
 * «личный кабинет» both belong to the group of «лк».
 */
export function analyzeTokens(text: string, options: AnalysisOptions = {}): AnalyzedToken[] {
  return scan(text, options).tokens;
}

/**
 * Terms to index for a text: each word's stem, plus the key of every synonym group one of whose
 * phrases occurs (once per occurrence, right after the phrase, so word order stays meaningful).
 * @example analyzeForIndex('Войти в личный кабинет') // ['войт', 'личн', 'кабинет', 'лк']
 */
export function analyzeForIndex(text: string, options: AnalysisOptions = {}): string[] {
  return analyzeForIndexWithTokens(text, options).terms;
}

/** {@link analyzeForIndex} together with the tokens it found (one analysis pass for the index and the lexicon). */
export function analyzeForIndexWithTokens(text: string, options: AnalysisOptions = {}): { terms: string[]; tokens: AnalyzedToken[] } {
  const { tokens, occurrences } = scan(text, options);
  const terms: string[] = [];
  tokens.forEach((token, i) => {
    terms.push(token.stem);
    for (const occurrence of occurrences) {
      if (occurrence.last === i && occurrence.key !== token.stem) terms.push(occurrence.key);
    }
  });
  return { terms, tokens };
}

/**
 * Terms to search for, one entry per meaningful query word: the word's own stem first, then the
 * keys of the synonym groups the word belongs to.
 * @example analyzeQuery('показания ПУ') // [['показан'], ['пу']]
 * @example analyzeQuery('счётчики')     // [['счетчик', 'пу']]
 */
export function analyzeQuery(text: string, options: AnalysisOptions = {}): string[][] {
  return analyzeTokens(text, options).map((token) => {
    const alternatives = [token.stem];
    for (const key of token.synonymKeys) addUnique(alternatives, key);
    return alternatives;
  });
}

/**
 * The query words every hit must match: all but the weak ones (all of them when every word is weak).
 * As positions in the query's word list.
 */
export function requiredWords(tokens: readonly Pick<AnalyzedToken, 'weak'>[]): number[] {
  const strong = tokens.flatMap((token, i) => (token.weak ? [] : [i]));
  return strong.length > 0 ? strong : tokens.map((_, i) => i);
}

/**
 * The order in which required query words are left out when no entry matches them all, as positions
 * in the query's word list — least important first: words the index does not know at all (frequency 0),
 * then the most frequent words (they say the least, as with Meilisearch's `frequency` strategy), ties
 * from the end (its `last` strategy). Both engines follow it with the same frequencies (their lexicon),
 * so their counts agree.
 * @example dropOrder([0, 1, 2], (i) => [5, 0, 9][i]) // [1, 2, 0]
 */
export function dropOrder(required: readonly number[], frequency: (position: number) => number = () => 1): number[] {
  return required
    .map((i) => ({ i, seen: frequency(i) }))
    .sort((a, b) => (a.seen === 0 ? 0 : 1) - (b.seen === 0 ? 0 : 1) || b.seen - a.seen || b.i - a.i)
    .map(({ i }) => i);
}

interface CompiledPhrase {
  key: string;
  stems: string[];
}

interface CompiledSynonyms {
  phrasesByFirstStem: Map<string, CompiledPhrase[]>;
}

const compiledCache = new WeakMap<readonly SynonymGroup[], CompiledSynonyms>();

/** Stems every phrase once per synonym list (lists are long-lived constants, so cache by identity). */
function compileSynonyms(groups: readonly SynonymGroup[]): CompiledSynonyms {
  const cached = compiledCache.get(groups);
  if (cached) return cached;
  const phrasesByFirstStem = new Map<string, CompiledPhrase[]>();
  for (const group of groups) {
    const [name] = group;
    if (name === undefined) continue;
    const key = tokenize(name).filter((w) => !isStopWord(w)).map(stem).join('');
    if (key === '') continue;
    for (const phrase of group) {
      const stems = tokenize(phrase).filter((w) => !isStopWord(w)).map(stem);
      const first = stems[0];
      if (first === undefined) continue;
      const list = phrasesByFirstStem.get(first) ?? [];
      list.push({ key, stems });
      // Longer phrases first, so «центр обслуживания клиентов» is tried before a shorter member.
      list.sort((a, b) => b.stems.length - a.stems.length);
      phrasesByFirstStem.set(first, list);
    }
  }
  const compiled = { phrasesByFirstStem };
  compiledCache.set(groups, compiled);
  return compiled;
}

interface PhraseOccurrence {
  key: string;
  /** Index of the phrase's first token. */
  first: number;
  /** Index of the phrase's last token. */
  last: number;
}

function scan(text: string, options: AnalysisOptions): { tokens: AnalyzedToken[]; occurrences: PhraseOccurrence[] } {
  const tokens: AnalyzedToken[] = [];
  // Folding the whole text at once is much faster than word by word; it is only usable when it
  // keeps every offset (NFC and lower-casing can change lengths, e.g. for decomposed «й»).
  const foldedText = foldWord(text);
  const aligned = foldedText.length === text.length;
  for (const match of text.matchAll(WORD_PATTERN)) {
    const folded = aligned ? foldedText.slice(match.index, match.index + match[0].length) : foldWord(match[0]);
    const word = NUMBER_WORDS.get(folded) ?? COLLOQUIAL_SPELLINGS.get(folded) ?? folded;
    if (isStopWord(word)) continue;
    tokens.push({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      stem: stem(word),
      synonymKeys: [],
      // Numbers rank (a year, a house number) but are not required: «пени за 2 месяца» is about penalties.
      weak: WEAK_WORDS.has(folded) || WEAK_WORDS.has(word) || /^\d+$/.test(word),
    });
  }
  const synonyms = compileSynonyms(options.synonyms ?? DEFAULT_SYNONYMS);
  const occurrences: PhraseOccurrence[] = [];
  tokens.forEach((token, i) => {
    const keysStartingHere: string[] = [];
    // Candidates are sorted longest first: «офис обслуживания» wins over «офис» at the same place.
    for (const phrase of synonyms.phrasesByFirstStem.get(token.stem) ?? []) {
      if (keysStartingHere.includes(phrase.key)) continue;
      const covered = tokens.slice(i, i + phrase.stems.length);
      if (covered.length !== phrase.stems.length) continue;
      if (!covered.every((t, k) => t.stem === phrase.stems[k])) continue;
      keysStartingHere.push(phrase.key);
      occurrences.push({ key: phrase.key, first: i, last: i + phrase.stems.length - 1 });
      for (const t of covered) addUnique(t.synonymKeys, phrase.key);
    }
  });
  return { tokens, occurrences };
}

function foldWord(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
