import { describe, expect, it } from 'vitest';
import type { ExportPage } from '@portal/core/site-export';
import { menuCurrent, siteMenu } from '../src/lib/site-menu';

const page = (path: string, title: string, order = 0): ExportPage =>
  ({ path, title, parentPath: path.split('/').filter(Boolean).length > 1 ? `/${path.split('/')[1]}/` : null, order }) as ExportPage;

describe('site menu', () => {
  it('puts the top tasks first and then the sections in their order', () => {
    const menu = siteMenu({ pages: [page('/yurlicam/', 'Юридическим лицам', 2), page('/fizlicam/', 'Физическим лицам', 1), page('/fizlicam/oplata/', 'Способы оплаты')] });
    expect(menu.tasks.map((link) => link.label)).toEqual(['Передать показания', 'Тарифы и калькулятор', 'Офисы и часы работы', 'Оплата', 'Задать вопрос', 'Статус обращения']);
    expect(menu.tasks.find((link) => link.label === 'Оплата')?.href).toBe('/fizlicam/oplata/');
    expect(menu.sections).toEqual([
      { href: '/fizlicam/', label: 'Физическим лицам' },
      { href: '/yurlicam/', label: 'Юридическим лицам' },
    ]);
  });

  it('sends «Оплата» to the payment points when the site has no page on ways to pay', () => {
    const menu = siteMenu({ pages: [page('/fizlicam/', 'Физическим лицам')] });
    expect(menu.tasks.find((link) => link.label === 'Оплата')?.href).toBe('/spravka/punkty-oplaty/');
  });

  it('marks the current page, and its section while the visitor is inside it', () => {
    expect(menuCurrent('/fizlicam/', '/fizlicam/')).toBe('page');
    expect(menuCurrent('/fizlicam/tarify/arhiv/', '/fizlicam/')).toBe('true');
    expect(menuCurrent('/fizlicam/', '/fizlicam/tarify/')).toBeUndefined();
    expect(menuCurrent('/fizlicam/', '/')).toBeUndefined();
  });
});
