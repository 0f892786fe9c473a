/** Demo territories of the fictional company (the towns and villages of its offices, content/data/offices.yaml). */
export const DEMO_TERRITORIES = [
  { slug: 'severo-ozyorsk', name: 'г. Северо-Озёрск' },
  { slug: 'yasnoborsk', name: 'г. Ясноборск' },
  { slug: 'kamnegorsk', name: 'г. Камнегорск' },
  { slug: 'tikhorechye', name: 'пгт Тихоречье' },
  { slug: 'beryozovyj-log', name: 'с. Берёзовый Лог' },
  { slug: 'lesnaya-gavan', name: 'пос. Лесная Гавань' },
  { slug: 'ozerki', name: 'с. Озерки' },
] as const;

/**
 * Demo routing rules topic × territory: readings from Ясноборск go to the local metering office instead of the
 * topic's own group (content/data/topics.yaml), so the demo shows a rule at work.
 */
export const DEMO_TERRITORY_ROUTES: Readonly<Record<string, readonly { territory: string; handlerGroup: string }[]>> = {
  pokazaniya: [{ territory: 'yasnoborsk', handlerGroup: 'Ясноборский участок учёта' }],
};
