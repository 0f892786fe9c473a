/**
 * Facts the service standards ask the site to show on every page or on the home page: the hotlines of each client
 * segment ([001 L547, L559], [002 L545]), the personal account (личный кабинет) and the home-page banners
 * ([004 L762–768]). Pure: the site build passes the company settings from the export.
 */

/** The personal account address: an absolute https URL (the site links to it from its pages). */
export function isPersonalAccountUrl(value: string): boolean {
  if (!/^https:\/\//i.test(value.trim()) || /\s/.test(value.trim())) return false;
  try {
    return new URL(value.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The company settings these facts read (a subset of the export's company). */
export interface SiteFactsCompany {
  hotline: string;
  hotlineIndividuals?: string;
  hotlineOrganisations?: string;
  personalAccountUrl?: string;
}

export interface Hotline {
  /** Whom the number serves, «для физических лиц»; empty for the one common number. */
  audience: string;
  /** Whom it serves, after the number: «физическим лицам». */
  recipients: string;
  number: string;
}

/**
 * The hotlines to show: the separate numbers for individuals and organisations when the company has them (either
 * one missing falls back to the common hotline), or the common number alone when both would read the same.
 */
export function hotlines(company: SiteFactsCompany): Hotline[] {
  const common = company.hotline.trim();
  const individuals = company.hotlineIndividuals?.trim() || common;
  const organisations = company.hotlineOrganisations?.trim() || common;
  if (individuals === organisations) return [{ audience: '', recipients: '', number: individuals }];
  return [
    { audience: 'для физических лиц', recipients: 'физическим лицам', number: individuals },
    { audience: 'для юридических лиц', recipients: 'юридическим лицам', number: organisations },
  ];
}

/** The hotline of one segment (`fl` individuals, `ul` organisations), the common one otherwise. */
export function hotlineFor(company: SiteFactsCompany, audience: 'fl' | 'ul' | 'all'): string {
  if (audience === 'fl') return company.hotlineIndividuals?.trim() || company.hotline;
  if (audience === 'ul') return company.hotlineOrganisations?.trim() || company.hotline;
  return company.hotline;
}

/** The personal account address when it is set and valid, otherwise null (then nothing links to it). */
export function personalAccountHref(company: SiteFactsCompany): string | null {
  const url = company.personalAccountUrl?.trim() ?? '';
  return url && isPersonalAccountUrl(url) ? url : null;
}

/** A banner on the home page ([004 L762–768]). */
export interface HomeBanner {
  /** Stable key, also the CSS modifier. */
  kind: 'reception' | 'personal-account' | 'questionnaire';
  title: string;
  text: string;
  href: string;
  /** The link leaves the site (the personal account is a separate service). */
  external: boolean;
}

/** A questionnaire running now, with the home-page banner on (site/src/lib/questionnaires.ts picks it). */
export interface RunningQuestionnaire {
  title: string;
  href: string;
}

/**
 * The home page's banners in their order: the internet reception always, the personal account when its address is
 * set, the questionnaire while one runs.
 */
export function homeBanners(company: SiteFactsCompany, paths: { reception: string }, questionnaire: RunningQuestionnaire | null = null): HomeBanner[] {
  const banners: HomeBanner[] = [
    {
      kind: 'reception',
      title: 'Интернет-приёмная',
      text: 'Задайте вопрос специалисту на сайте: обращение зарегистрируют сразу, номер и срок ответа придут на электронную почту.',
      href: paths.reception,
      external: false,
    },
  ];
  const account = personalAccountHref(company);
  if (account) {
    banners.push({
      kind: 'personal-account',
      title: 'Личный кабинет клиента',
      text: 'Счета и оплата без комиссии, показания и история начислений — в личном кабинете.',
      href: account,
      external: true,
    });
  }
  if (questionnaire) {
    banners.push({ kind: 'questionnaire', title: 'Анкета клиента', text: questionnaire.title, href: questionnaire.href, external: false });
  }
  return banners;
}

/** Whether a text speaks of the personal account («личный кабинет», «личном кабинете», «ЛК»…): such pages link to it. */
export function mentionsPersonalAccount(text: string): boolean {
  return /личн\p{L}*\s+кабинет|(?<!\p{L})ЛК(?!\p{L})/iu.test(text.replace(/<[^>]*>/g, ' '));
}
