import { describe, expect, it } from 'vitest';
import { en } from '@payloadcms/translations/languages/en';
import { ru } from '@payloadcms/translations/languages/ru';
import { RU_ADMIN_TRANSLATIONS } from './admin-translations';

/** Singular labels of our collections and array rows, one of each gender and a feminine one in «-а». */
const LABELS = ['Рассылка', 'Новость', 'Обращение', 'Офис или пункт оплаты', 'Работа', 'Вопрос-ответ'];

/** Words that agree with a masculine noun only, or that put the noun after them in a case it cannot take. */
const DISAGREEING = /(?<![а-яё])(новый|нового|существующий|этот|создан|продублирован|восстановлен|перемещен|удалено)(?![а-яё])/iu;

const entries = Object.entries(RU_ADMIN_TRANSLATIONS).flatMap(([section, strings]) => Object.entries(strings).map(([key, text]) => ({ section, key, text: text as string })));
const fill = (text: string, label: string) => text.replace(/\{\{label\}\}/g, label).replace(/\{\{title\}\}/g, 'Плановое отключение');

describe('the admin in Russian', () => {
  it('replaces only strings Payload has, using only placeholders Payload fills in them (those of the English original)', () => {
    const payloadRu = ru.translations as unknown as Record<string, Record<string, unknown>>;
    const payloadEn = en.translations as unknown as Record<string, Record<string, unknown>>;
    const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    for (const { section, key, text } of entries) {
      expect(typeof payloadRu[section]?.[key], `${section}:${key} is no longer in @payloadcms/translations ru`).toBe('string');
      // A replacement may leave a placeholder out (an empty cell shows «—», not «<Без Новость>»), never invent one.
      const filled = placeholders(String(payloadEn[section]?.[key]));
      expect(placeholders(text).filter((name) => !filled.includes(name)), `${section}:${key}`).toEqual([]);
    }
  });

  it('«Создать: Рассылка», «Создать: Обращение»: no phrase puts a masculine adjective or participle beside a label', () => {
    expect(fill(RU_ADMIN_TRANSLATIONS.general.createNewLabel, 'Рассылка')).toBe('Создать: Рассылка');
    const wrong: string[] = [];
    for (const { section, key, text } of entries) {
      for (const label of LABELS) {
        const shown = fill(text, label);
        if (DISAGREEING.test(shown)) wrong.push(`${section}:${key} «${shown}»`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the label stands where it needs no case ending: at the start, after a colon or in brackets', () => {
    const misplaced = entries.filter(({ text }) => text.includes('{{label}}') && !/(^|: |\()\{\{label\}\}/.test(text)).map(({ section, key, text }) => `${section}:${key} «${text}»`);
    expect(misplaced).toEqual([]);
  });
});
