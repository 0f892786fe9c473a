/**
 * The demo service catalogue: the applications the standards list for the online reception (004 L776–784), with the
 * price list of the paid work (004 L711; the prices are invented).
 */
export const DEMO_SERVICES = [
  {
    slug: 'tekhnologicheskoe-prisoedinenie',
    title: 'Технологическое присоединение энергопринимающих устройств',
    audience: 'all',
    topic: 'dogovor',
    description: 'Подключение дома, участка или объекта к электрическим сетям.',
  },
  {
    slug: 'tekhnicheskie-usloviya',
    title: 'Восстановление ранее выданных или выдача новых технических условий',
    audience: 'all',
    topic: 'dogovor',
    description: 'Если документы о подключении утеряны или нужно изменить условия подключения.',
    prices: [{ item: 'Восстановление и переоформление документов о технологическом присоединении', unit: 'за комплект документов', price: 1500 }],
  },
  {
    slug: 'pereraspredelenie-moshchnosti',
    title: 'Переоформление (перераспределение) мощности',
    audience: 'ul',
    topic: 'dogovor',
    description: 'Передача части разрешённой мощности другому владельцу или объекту.',
    prices: [{ item: 'Подготовка документов о перераспределении мощности', unit: 'за одну точку поставки', price: 3200 }],
  },
  {
    slug: 'pribory-ucheta',
    title: 'Проверка, замена и монтаж приборов учёта электроэнергии',
    audience: 'all',
    topic: 'pokazaniya',
    description: 'Поверка, замена неисправного или установка нового счётчика.',
    prices: [
      { item: 'Выезд специалиста для проверки прибора учёта и снятия контрольных показаний', unit: 'за выезд', price: 850 },
      { item: 'Замена однофазного прибора учёта (без стоимости прибора)', unit: 'за прибор', price: 1900 },
      { item: 'Замена трёхфазного прибора учёта (без стоимости прибора)', unit: 'за прибор', price: 3400 },
      { item: 'Организация поверки прибора учёта (демонтаж, доставка в лабораторию, установка)', unit: 'за прибор', price: 2600.5 },
    ],
  },
] as const;
