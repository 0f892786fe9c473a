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
