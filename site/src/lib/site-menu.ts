/**
 * The site's main menu: what most visitors come for first, then the sections of the standards' structure.
 * The header shows it as a collapsible menu on phones and as an open bar on wide screens (SiteHeader.astro).
 */
import type { SiteExport } from '@portal/core/site-export';
import { sections } from './site-structure';
import {
  APPEAL_STATUS_PATH,
  HOME_PATH,
  OFFICES_PATH,
  PAYMENT_POINTS_PATH,
  PAYMENT_WAYS_PATH,
  QUESTION_FORM_PATH,
  READINGS_PATH,
  TARIFFS_PATH,
} from './urls';

/** One link of the menu. */
export interface MenuLink {
  href: string;
  label: string;
}

export interface SiteMenu {
  /** The top tasks, in the order visitors need them most. */
  tasks: MenuLink[];
  /** The top-level sections of the site. */
  sections: MenuLink[];
}

/** The menu of a site build: the payment link goes to the «Способы оплаты» page when the site has one. */
export function siteMenu(data: Pick<SiteExport, 'pages'>): SiteMenu {
  const hasPaymentWays = data.pages.some((page) => page.path === PAYMENT_WAYS_PATH);
  return {
    tasks: [
      { href: READINGS_PATH, label: 'Передать показания' },
      { href: TARIFFS_PATH, label: 'Тарифы и калькулятор' },
      { href: OFFICES_PATH, label: 'Офисы и часы работы' },
      { href: hasPaymentWays ? PAYMENT_WAYS_PATH : PAYMENT_POINTS_PATH, label: 'Оплата' },
      { href: QUESTION_FORM_PATH, label: 'Задать вопрос' },
      { href: APPEAL_STATUS_PATH, label: 'Статус обращения' },
    ],
    sections: sections(data).map((page) => ({ href: page.path, label: page.title })),
  };
}

/**
 * `aria-current` of a menu link on the page at `path`: `page` on the page itself, `true` anywhere below it (the
 * visitor is in that section), nothing elsewhere. The home link is current only on the home page.
 */
export function menuCurrent(path: string, href: string): 'page' | 'true' | undefined {
  if (path === href) return 'page';
  if (href !== HOME_PATH && path.startsWith(href)) return 'true';
  return undefined;
}
