import { describe, expect, it } from 'vitest';
import { homeBanners, hotlineFor, hotlines, isPersonalAccountUrl, mentionsPersonalAccount, personalAccountHref } from './site-facts';

const company = { hotline: '8-800-000-12-34', hotlineIndividuals: '8-800-000-12-34', hotlineOrganisations: '8-800-000-56-78', personalAccountUrl: 'https://lk.example-energo.ru/' };

describe('hotlines of the client segments', () => {
  it('shows one number for individuals and one for organisations when they differ', () => {
    expect(hotlines(company)).toEqual([
      { audience: 'для физических лиц', recipients: 'физическим лицам', number: '8-800-000-12-34' },
      { audience: 'для юридических лиц', recipients: 'юридическим лицам', number: '8-800-000-56-78' },
    ]);
  });

  it('falls back to the common hotline for a segment without its own number', () => {
    expect(hotlines({ hotline: '8-800-000-00-01', hotlineOrganisations: '8-800-000-00-02' }).map((line) => line.number)).toEqual(['8-800-000-00-01', '8-800-000-00-02']);
    expect(hotlineFor({ hotline: '8-800-000-00-01', hotlineOrganisations: '8-800-000-00-02' }, 'fl')).toBe('8-800-000-00-01');
    expect(hotlineFor({ hotline: '8-800-000-00-01', hotlineOrganisations: '8-800-000-00-02' }, 'ul')).toBe('8-800-000-00-02');
  });

  it('shows the common number alone when the company has one number for everybody', () => {
    expect(hotlines({ hotline: '8-800-000-00-01', hotlineIndividuals: '', hotlineOrganisations: '' })).toEqual([{ audience: '', recipients: '', number: '8-800-000-00-01' }]);
  });
});

describe('the personal account', () => {
  it('is linked only from an https address', () => {
    expect(personalAccountHref(company)).toBe('https://lk.example-energo.ru/');
    expect(personalAccountHref({ ...company, personalAccountUrl: '' })).toBeNull();
    expect(personalAccountHref({ ...company, personalAccountUrl: 'http://lk.example-energo.ru/' })).toBeNull();
    expect(isPersonalAccountUrl('javascript:alert(1)')).toBe(false);
    expect(isPersonalAccountUrl('https://lk.example ru/')).toBe(false);
  });

  it('is recognised in a text that speaks of it in any form', () => {
    expect(mentionsPersonalAccount('Оплатите в <strong>личном</strong> кабинете.')).toBe(true);
    expect(mentionsPersonalAccount('Войдите в ЛК по коду договора.')).toBe(true);
    expect(mentionsPersonalAccount('Кабинет начальника офиса на втором этаже.')).toBe(false);
  });
});

describe('home-page banners', () => {
  it('are the reception and the personal account; the questionnaire only while one runs', () => {
    expect(homeBanners(company, { reception: '/vopros/' }).map((banner) => [banner.kind, banner.href, banner.external])).toEqual([
      ['reception', '/vopros/', false],
      ['personal-account', 'https://lk.example-energo.ru/', true],
    ]);
    const withQuestionnaire = homeBanners(company, { reception: '/vopros/' }, { title: 'Оцените работу офисов', href: '/anketa/' });
    expect(withQuestionnaire.map((banner) => banner.kind)).toEqual(['reception', 'personal-account', 'questionnaire']);
  });

  it('leave out the personal account when its address is empty', () => {
    expect(homeBanners({ ...company, personalAccountUrl: '' }, { reception: '/vopros/' }).map((banner) => banner.kind)).toEqual(['reception']);
  });
});
