import { NEWS_TYPE_LABELS, NEWS_TYPES, type SiteExport } from '@portal/core/site-export';
import { questionnairePath } from '@portal/core/questionnaire';
import { sortTopics } from './faq-catalog';
import { FORUM_PATH, forumSectionViews, forumThreadPages } from './forum';
import { runningQuestionnaires } from './questionnaires';
import { priceYears } from './prices';
import { renderablePages } from './site-structure';
import { reviewPages } from './reviews';
import {
  ALERTS_SUBSCRIBE_PATH,
  OUTAGES_PATH,
  outagesSettlementPath,
  APPLICATION_FL_PATH,
  APPLICATION_PATH,
  APPLICATION_UL_PATH,
  COMPLAINT_FORM_PATH,
  FEEDBACK_FORM_PATH,
  APPEAL_STATUS_PATH,
  CHAT_PATH,
  BOOKING_PATH,
  SURVEY_PATH,
  READINGS_HOUSEHOLD_PATH,
  READINGS_LEGAL_PATH,
  READINGS_PATH,
  COMPLAINT_SUMMARIES_PATH,
  DEFAULT_PRIVACY_PATH,
  DOCUMENTS_PATH,
  FAQ_PATH,
  HOME_PATH,
  LINKS_PATH,
  NEWS_PATH,
  OFFICES_PATH,
  PAYMENT_POINTS_PATH,
  PRICES_PATH,
  QUARTERLY_REPORTS_PATH,
  QUESTION_FORM_PATH,
  SEARCH_PATH,
  SITE_MAP_PATH,
  TARIFF_ARCHIVE_PATH,
  TARIFFS_PATH,
  faqEntryPath,
  newsPath,
  newsTypePath,
  officePath,
  pricesYearPath,
  tariffPeriodPath,
  topicPath,
  officeReviewsPath,
  REVIEWS_PATH,
  reviewsPagePath,
} from './urls';

/** One HTML page of the site. */
export interface SiteMapEntry {
  path: string;
  title: string;
}

/**
 * Every HTML page the build writes, with its title, in reading order: the single list behind the site map
 * page, `sitemap.xml` and the accessibility sweeps (every template of it). The build test checks it matches
 * the files actually written.
 */
export function siteMapEntries(data: SiteExport): SiteMapEntry[] {
  const topics = sortTopics(data.topics);
  const pages = renderablePages(data).sort((a, b) => a.path.localeCompare(b.path));
  const entries: SiteMapEntry[] = [
    { path: HOME_PATH, title: 'Главная' },
    ...pages.map((page) => ({ path: page.path, title: page.title })),
    { path: TARIFFS_PATH, title: 'Тарифы на электроэнергию для населения' },
    { path: TARIFF_ARCHIVE_PATH, title: 'Архив тарифов' },
    ...data.tariffPeriods.map((period) => ({ path: tariffPeriodPath(period.slug), title: `Тарифы ${period.title}` })),
    { path: PRICES_PATH, title: 'Нерегулируемые цены' },
    ...priceYears(data.unregulatedPrices).map((year) => ({ path: pricesYearPath(year), title: `Нерегулируемые цены за ${year} год` })),
    { path: FAQ_PATH, title: 'Вопросы и ответы' },
    ...topics.flatMap((topic) => [
      { path: topicPath(topic.slug), title: topic.title },
      ...data.faq.filter((entry) => entry.topic === topic.slug).map((entry) => ({ path: faqEntryPath(entry.topic, entry.slug), title: entry.question })),
    ]),
    { path: SEARCH_PATH, title: 'Поиск' },
    { path: QUESTION_FORM_PATH, title: 'Задать вопрос' },
    { path: COMPLAINT_FORM_PATH, title: 'Обращение или жалоба' },
    { path: FEEDBACK_FORM_PATH, title: 'Отзыв о качестве обслуживания' },
    { path: APPEAL_STATUS_PATH, title: 'Состояние обращения' },
    { path: CHAT_PATH, title: 'Онлайн-консультант' },
    { path: BOOKING_PATH, title: 'Запись на приём в офис' },
    { path: SURVEY_PATH, title: 'Оценка ответа на обращение' },
    { path: APPLICATION_PATH, title: 'Заявка на услугу' },
    { path: APPLICATION_FL_PATH, title: 'Заявка на услугу для физических лиц' },
    { path: APPLICATION_UL_PATH, title: 'Заявка на услугу для юридических лиц' },
    { path: READINGS_PATH, title: 'Передать показания счётчика' },
    { path: READINGS_HOUSEHOLD_PATH, title: 'Показания: население' },
    { path: READINGS_LEGAL_PATH, title: 'Показания: юридические лица' },
    { path: COMPLAINT_SUMMARIES_PATH, title: 'Ответы на жалобы' },
    { path: QUARTERLY_REPORTS_PATH, title: 'Квартальные отчёты об обращениях' },
    { path: REVIEWS_PATH, title: 'Отзывы о Компании' },
    ...reviewPages(data.reviews).slice(1).map((_, index) => ({ path: reviewsPagePath(index + 2), title: `Отзывы о Компании — страница ${index + 2}` })),
    ...data.offices.filter((office) => office.kind === 'office' && data.reviews.some((review) => review.office === office.slug)).map((office) => ({ path: officeReviewsPath(office.slug), title: `Отзывы: ${office.name}` })),
    { path: FORUM_PATH, title: 'Форум' },
    ...forumSectionViews(data).map((section) => ({ path: section.path, title: `Форум: ${section.title}` })),
    ...forumThreadPages(data).map((view) => ({ path: view.pagePaths[view.page - 1]!, title: view.page > 1 ? `${view.thread.title} — страница ${view.page}` : view.thread.title })),
    ...runningQuestionnaires(data).map((questionnaire) => ({ path: questionnairePath(questionnaire.slug), title: questionnaire.title })),
    { path: NEWS_PATH, title: 'Новости' },
    ...NEWS_TYPES.filter((type) => data.news.some((item) => item.type === type)).map((type) => ({ path: newsTypePath(type), title: `Новости: ${NEWS_TYPE_LABELS[type].toLowerCase()}` })),
    ...data.news.map((item) => ({ path: newsPath(item.slug), title: item.title })),
    { path: OUTAGES_PATH, title: 'Отключения электроэнергии' },
    ...data.territories.map((territory) => ({ path: outagesSettlementPath(territory.slug), title: `Отключения: ${territory.name}` })),
    { path: ALERTS_SUBSCRIBE_PATH, title: 'Подписаться на уведомления' },
    { path: OFFICES_PATH, title: 'Центры обслуживания клиентов' },
    ...data.offices.filter((office) => office.kind === 'office').map((office) => ({ path: officePath(office), title: office.name })),
    { path: PAYMENT_POINTS_PATH, title: 'Пункты оплаты' },
    ...data.offices.filter((office) => office.kind === 'payment-point').map((office) => ({ path: officePath(office), title: office.name })),
    { path: DOCUMENTS_PATH, title: 'Документы' },
    { path: LINKS_PATH, title: 'Полезные ссылки' },
    { path: DEFAULT_PRIVACY_PATH, title: 'Политика обработки персональных данных' },
    { path: SITE_MAP_PATH, title: 'Карта сайта' },
  ];
  const seen = new Set<string>();
  return entries.filter((entry) => (seen.has(entry.path) ? false : (seen.add(entry.path), true)));
}

/** `sitemap.xml` (sitemaps.org 0.9) for the given absolute origin. */
export function sitemapXml(entries: readonly SiteMapEntry[], origin: string): string {
  const urls = entries.map((entry) => `  <url><loc>${new URL(entry.path, origin).href.replace(/&/g, '&amp;')}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
