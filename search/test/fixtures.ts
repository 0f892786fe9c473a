import type { SearchDocument } from '../src/contract';
import { faqEntryUrl } from '../src/index-sync';

/** A few FAQ entries covering each feature the engine contract checks. */
const FIXTURE_FAQ: Omit<SearchDocument, 'type' | 'url'>[] = [
  {
    id: 'kak-peredat-pokazaniya',
    question: 'Как передать показания счётчика?',
    answerText:
      'Показания принимаются с 15 по 25 число каждого месяца: на сайте, по телефону контакт-центра или в мобильном приложении.',
    topic: 'pokazaniya',
    topicTitle: 'Показания и приборы учёта',
    audience: 'all',
  },
  {
    id: 'tarify-dlya-naseleniya',
    question: 'Какие тарифы действуют для населения?',
    answerText: 'Тарифы для населения утверждает региональная служба по тарифам один раз в год, обычно с 1 июля.',
    topic: 'tarify',
    topicTitle: 'Тарифы и цены',
    audience: 'fl',
  },
  {
    id: 'ceny-dlya-organizaciy',
    question: 'Из чего складывается цена для организаций?',
    answerText: 'Цена для юридических лиц зависит от ценовой категории, уровня напряжения и рыночной стоимости мощности. Оплата — до 18 числа следующего месяца.',
    topic: 'tarify',
    topicTitle: 'Тарифы и цены',
    audience: 'ul',
  },
  {
    id: 'kvitanciya-ne-prishla',
    question: 'Что делать, если не пришла квитанция?',
    answerText: 'Копию платёжного документа можно скачать в разделе «Начисления» или получить в любом центре обслуживания.',
    topic: 'oplata',
    topicTitle: 'Начисления и оплата',
    audience: 'fl',
  },
  {
    id: 'registraciya-v-lk',
    question: 'Как зарегистрироваться в ЛК?',
    answerText: 'Для регистрации понадобятся номер лицевого счёта и адрес электронной почты.',
    topic: 'lichnyy-kabinet',
    topicTitle: 'Онлайн-сервисы',
    audience: 'all',
  },
  {
    id: 'adresa-ofisov',
    question: 'Где находится ближайший офис?',
    answerText: 'Адреса и часы работы всех офисов опубликованы в разделе «Контакты». Записаться можно заранее.',
    topic: 'ofisy',
    topicTitle: 'Обслуживание клиентов',
    audience: 'all',
  },
  {
    id: 'peni-za-prosrochku',
    question: 'Как начисляется пеня за просрочку оплаты?',
    answerText: 'Пени начисляются за каждый день просрочки начиная с 31-го дня после срока оплаты.',
    topic: 'zadolzhennost',
    topicTitle: 'Задолженность',
    audience: 'all',
  },
  {
    id: 'kod-dogovora',
    question: 'Где найти код договора?',
    answerText: 'Код договора указан в правом верхнем углу счёта и в шапке договора энергоснабжения.',
    topic: 'dogovor',
    topicTitle: 'Договор',
    audience: 'ul',
  },
];

/** The fixture entries as FAQ documents with their public URLs. */
export const FIXTURE_DOCS: SearchDocument[] = FIXTURE_FAQ.map((doc) => ({
  ...doc,
  type: 'faq',
  url: faqEntryUrl(doc.topic, doc.id),
}));
