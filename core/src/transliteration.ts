/**
 * Russian → Latin transliteration for URL slugs, close to the passport (ICAO) rules the demo slugs
 * follow: «Как передать показания?» → `kak-peredat-pokazaniya`.
 */
const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A slug (lower-case Latin letters, digits, single hyphens) from Russian or Latin text, at most `maxLength` long. */
export function slugify(text: string, maxLength = 60): string {
  const latin = [...text.toLowerCase()].map((char) => LETTERS[char] ?? char).join('');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cut mid-word: drop the partial word, unless it is the only one.
  const complete = slug[maxLength] === '-' ? cut : cut.replace(/-[^-]*$/, '');
  return complete.replace(/-+$/, '') || cut;
}
