/** The demo service catalogue: the applications the standards list for the online reception (004 L776–784). */
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
  },
  {
    slug: 'pereraspredelenie-moshchnosti',
    title: 'Переоформление (перераспределение) мощности',
    audience: 'ul',
    topic: 'dogovor',
    description: 'Передача части разрешённой мощности другому владельцу или объекту.',
  },
  {
    slug: 'pribory-ucheta',
    title: 'Проверка, замена и монтаж приборов учёта электроэнергии',
    audience: 'all',
    topic: 'pokazaniya',
    description: 'Поверка, замена неисправного или установка нового счётчика.',
  },
] as const;
