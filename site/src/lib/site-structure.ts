import type { ExportPage, SiteExport } from '@portal/core/site-export';
import { FORUM_PATH } from '@portal/core/forum';
import {
  ALERTS_SUBSCRIBE_PATH,
  COMPLAINT_SUMMARIES_PATH,
  DOCUMENTS_PATH,
  FAQ_PATH,
  FEEDBACK_PATH,
  FL_PATH,
  LINKS_PATH,
  NEWS_PATH,
  OFFICES_PATH,
  OUTAGES_PATH,
  PAYMENT_POINTS_PATH,
  PRICES_PATH,
  QUARTERLY_REPORTS_PATH,
  QUESTION_FORM_PATH,
  REFERENCE_PATH,
  REVIEWS_PATH,
  SEARCH_PATH,
  TARIFFS_PATH,
  UL_PATH,
} from './urls';

/** A link in a section's contents. */
export interface SectionLink {
  href: string;
  title: string;
  summary: string;
}

/**
 * Pages the site builds itself from other collections, listed in their sections beside the CMS pages.
 * One place says where tariffs, offices and news live in the structure of the standards.
 */
export const BUILT_IN_PAGES: Record<string, SectionLink[]> = {
  [FL_PATH]: [{ href: TARIFFS_PATH, title: 'Тарифы и калькулятор', summary: 'Действующие тарифы по группам и зонам суток, архив, расчёт стоимости.' }],
  [UL_PATH]: [{ href: PRICES_PATH, title: 'Нерегулируемые цены', summary: 'Цены по месяцам для ценовых категорий с первой по шестую.' }],
  [FEEDBACK_PATH]: [
    { href: FAQ_PATH, title: 'Вопросы и ответы', summary: 'Ответы на частые вопросы по темам.' },
    { href: SEARCH_PATH, title: 'Поиск ответа', summary: 'Поиск по вопросам и ответам, страницам, новостям и документам.' },
    { href: QUESTION_FORM_PATH, title: 'Задать вопрос', summary: 'Вопрос специалисту с ответом по электронной почте.' },
    { href: COMPLAINT_SUMMARIES_PATH, title: 'Ответы на жалобы', summary: 'Краткие обезличенные ответы на жалобы клиентов.' },
    { href: QUARTERLY_REPORTS_PATH, title: 'Квартальные отчёты об обращениях', summary: 'Сколько обращений поступило по каждой теме и как это число изменилось.' },
    { href: REVIEWS_PATH, title: 'Отзывы о Компании', summary: 'Отзывы клиентов после проверки модератором и ответы Компании.' },
    { href: FORUM_PATH, title: 'Форум', summary: 'Обсуждение вопросов взаимодействия с Компанией; форум модерируется.' },
  ],
  [REFERENCE_PATH]: [
    { href: NEWS_PATH, title: 'Новости', summary: 'Изменения тарифов, отключения, новые услуги.' },
    { href: OUTAGES_PATH, title: 'Отключения электроэнергии', summary: 'Текущие и плановые отключения по населённым пунктам, ленты и календарь.' },
    { href: ALERTS_SUBSCRIBE_PATH, title: 'Подписаться на уведомления', summary: 'Письма об отключениях и изменениях тарифов в вашем населённом пункте.' },
    { href: OFFICES_PATH, title: 'Центры обслуживания клиентов', summary: 'Адреса, часы работы, услуги и доступность офисов.' },
    { href: PAYMENT_POINTS_PATH, title: 'Пункты оплаты', summary: 'Где оплатить электроэнергию без комиссии.' },
    { href: DOCUMENTS_PATH, title: 'Документы', summary: 'Стандарт обслуживания, типовые договоры, образцы заявлений.' },
    { href: LINKS_PATH, title: 'Полезные ссылки', summary: 'Органы власти и государственные сервисы.' },
  ],
};

/** Site paths the site itself builds: a CMS page with the same path is not rendered over them. */
export const BUILT_IN_PATHS: ReadonlySet<string> = new Set(Object.values(BUILT_IN_PAGES).flatMap((links) => links.map((link) => link.href)));

/** CMS pages that the catch-all route renders (everything except paths the site builds itself). */
export function renderablePages(data: Pick<SiteExport, 'pages'>): ExportPage[] {
  return data.pages.filter((page) => !BUILT_IN_PATHS.has(page.path));
}

/** Top-level sections in their order. */
export function sections(data: Pick<SiteExport, 'pages'>): ExportPage[] {
  return renderablePages(data)
    .filter((page) => page.parentPath === null)
    .sort((a, b) => a.order - b.order);
}

/** Contents of a page: its CMS child pages, then the built-in pages of the section. */
export function childrenOf(data: Pick<SiteExport, 'pages'>, path: string): SectionLink[] {
  const pages = renderablePages(data)
    .filter((page) => page.parentPath === path)
    .sort((a, b) => a.order - b.order)
    .map((page) => ({ href: page.path, title: page.title, summary: page.summary }));
  return [...pages, ...(BUILT_IN_PAGES[path] ?? [])];
}

/** Breadcrumbs of a path: the CMS pages above it (the home page is added by the caller). */
export function ancestorsOf(data: Pick<SiteExport, 'pages'>, path: string): { label: string; href: string }[] {
  const byPath = new Map(data.pages.map((page) => [page.path, page]));
  const segments = path.split('/').filter(Boolean);
  const crumbs: { label: string; href: string }[] = [];
  for (let i = 1; i < segments.length; i++) {
    const href = `/${segments.slice(0, i).join('/')}/`;
    const page = byPath.get(href);
    const builtIn = Object.values(BUILT_IN_PAGES).flat().find((link) => link.href === href);
    const label = page?.title ?? builtIn?.title;
    if (label) crumbs.push({ label, href });
  }
  return crumbs;
}
