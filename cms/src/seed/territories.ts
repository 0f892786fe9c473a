/** Demo territories of the fictional company (the towns and villages of its offices, content/data/offices.yaml). */
export const DEMO_TERRITORIES = [
  { slug: 'severo-ozyorsk', name: 'г. Северо-Озёрск', streets: ['ул. Ленина', 'ул. Набережная', 'пр. Мира', 'ул. Заводская'] },
  { slug: 'yasnoborsk', name: 'г. Ясноборск', streets: ['ул. Советская', 'ул. Сосновая', 'пер. Школьный'] },
  { slug: 'kamnegorsk', name: 'г. Камнегорск', streets: ['пл. Горняков', 'ул. Рудная', 'ул. Шахтёров'] },
  { slug: 'tikhorechye', name: 'пгт Тихоречье', streets: ['ул. Пристанская', 'ул. Лесная', 'ул. Речная'] },
  { slug: 'beryozovyj-log', name: 'с. Берёзовый Лог', streets: [] },
  { slug: 'lesnaya-gavan', name: 'пос. Лесная Гавань', streets: [] },
  { slug: 'ozerki', name: 'с. Озерки', streets: [] },
] as const;

/**
 * Demo routing rules topic × territory: readings from Ясноборск go to the local metering office instead of the
 * topic's own group (content/data/topics.yaml), so the demo shows a rule at work.
 */
export const DEMO_TERRITORY_ROUTES: Readonly<Record<string, readonly { territory: string; handlerGroup: string }[]>> = {
  pokazaniya: [{ territory: 'yasnoborsk', handlerGroup: 'Ясноборский участок учёта' }],
};
