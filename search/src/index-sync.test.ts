import { describe, expect, it } from 'vitest';
import { newsToSearchDocument, officeToSearchDocument, tariffPeriodToSearchDocument } from './index-sync';

describe('newsToSearchDocument', () => {
  it('indexes a planned outage with its settlements in the text and next to the hit, and its period as the status', () => {
    const doc = newsToSearchDocument({
      slug: 'remont-linii',
      title: '  Плановое отключение\nв Озёрске ',
      type: 'planned-outage',
      summary: 'Ремонт линии.',
      period: '2 декабря с 9:00 до 17:00',
      settlements: [' Озёрск ', '', '  ', 'Берёзовка\n'],
      bodyText: 'Подробности  у диспетчера.',
    });
    expect(doc).toStrictEqual({
      id: 'news_remont-linii',
      type: 'outage',
      url: '/spravka/novosti/remont-linii/',
      question: 'Плановое отключение в Озёрске',
      answerText: 'Ремонт линии. 2 декабря с 9:00 до 17:00 Населённые пункты: Озёрск, Берёзовка. Подробности у диспетчера.',
      topic: '',
      topicTitle: 'Озёрск, Берёзовка',
      audience: 'all',
      details: { kind: 'period', label: 'Плановое отключение', text: '2 декабря с 9:00 до 17:00' },
    });
  });

  it('labels an emergency outage without a period as such, with an empty period', () => {
    const doc = newsToSearchDocument({ slug: 'avaria', title: 'Авария', type: 'emergency-outage', settlements: ['Озёрск'], bodyText: 'Бригада выехала.' });
    expect(doc.type).toBe('outage');
    expect(doc.details).toStrictEqual({ kind: 'period', label: 'Аварийное отключение', text: '' });
    expect(doc.answerText).toBe('Населённые пункты: Озёрск. Бригада выехала.');
  });

  it('indexes ordinary news with just its body when it has no summary, period or settlements', () => {
    const doc = newsToSearchDocument({ slug: 'novyi-ofis', title: 'Новый офис', type: 'news', summary: null, period: null, settlements: null, bodyText: 'Открыт офис на Ленина, 1.' });
    expect(doc).toStrictEqual({
      id: 'news_novyi-ofis',
      type: 'news',
      url: '/spravka/novosti/novyi-ofis/',
      question: 'Новый офис',
      answerText: 'Открыт офис на Ленина, 1.',
      topic: '',
      topicTitle: '',
      audience: 'all',
    });
  });
});

describe('tariffPeriodToSearchDocument', () => {
  it('lists every published price by group, scheme and zone in rubles, and the decree', () => {
    const doc = tariffPeriodToSearchDocument({
      slug: '2026-2',
      title: 'с 1 июля 2026 года',
      validFrom: '2026-07-01',
      validTo: '2026-12-31',
      decree: { number: '45-э', date: '2026-06-20', issuer: 'Региональная служба по тарифам Озёрского края', publishedIn: 'Официальный портал, 21.06.2026' },
      // Out of display order on purpose: the text follows groups, schemes and zones, not the list.
      rates: [
        { group: 'rural', scheme: 'three', zone: 'night', priceKopecks: 207 },
        { group: 'urban', scheme: 'two', zone: 'night', priceKopecks: 310 },
        { group: 'rural', scheme: 'three', zone: 'peak', priceKopecks: 500 },
        { group: 'urban', scheme: 'single', zone: 'all-day', priceKopecks: 1205 },
        { group: 'urban', scheme: 'two', zone: 'day', priceKopecks: 705 },
        { group: 'rural', scheme: 'three', zone: 'half-peak', priceKopecks: 425 },
      ],
    });
    expect(doc).toStrictEqual({
      id: 'tariff_2026-2',
      type: 'tariff',
      url: '/fizlicam/tarify/arhiv/2026-2/',
      question: 'Тарифы на электроэнергию для населения с 1 июля 2026 года',
      answerText:
        'Население в городах (дома с газовыми плитами). Одноставочный тариф (круглые сутки): 12,05 руб. за кВт·ч; ' +
        'Двухзонный тариф (день и ночь): дневная зона 7,05 руб. за кВт·ч, ночная зона 3,10 руб. за кВт·ч. ' +
        'Население в сельских населённых пунктах. Трёхзонный тариф (пик, полупик, ночь): пиковая зона 5,00 руб. за кВт·ч, ' +
        'полупиковая зона 4,25 руб. за кВт·ч, ночная зона 2,07 руб. за кВт·ч. ' +
        'Постановление № 45-э, Региональная служба по тарифам Озёрского края.',
      topic: '',
      topicTitle: '',
      audience: 'fl',
      details: { kind: 'validity', from: '2026-07-01', to: '2026-12-31' },
    });
  });

  it('lists a scheme with only some of its zones published by the zones it has', () => {
    const doc = tariffPeriodToSearchDocument({
      slug: 'p',
      title: 'с 1 января 2027 года',
      validFrom: '2027-01-01',
      validTo: '2027-06-30',
      decree: { number: '1-э', date: '2026-12-20', issuer: 'РСТ', publishedIn: 'Официальный портал' },
      rates: [{ group: 'gardening', scheme: 'two', zone: 'night', priceKopecks: 99 }],
    });
    expect(doc.answerText).toBe(
      'Садоводческие и огороднические товарищества, гаражные кооперативы. Двухзонный тариф (день и ночь): ночная зона 0,99 руб. за кВт·ч. Постановление № 1-э, РСТ.',
    );
  });
});

describe('officeToSearchDocument', () => {
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '18:00', breakStart: '13:00', breakEnd: '13:45' }));

  it('indexes an office with its address, hours, services and ways to pay as sentences, and its hours for the status line', () => {
    const doc = officeToSearchDocument({
      slug: 'zarechnyy',
      kind: 'office',
      name: ' Офис «Заречный» ',
      settlement: 'Озёрск',
      address: 'ул. Рыбаков,  д. 47',
      weekly,
      services: ['приём показаний', 'заключение договоров'],
      payment: ['касса без комиссии'],
    });
    expect(doc).toStrictEqual({
      id: 'office_zarechnyy',
      type: 'office',
      url: '/spravka/ofisy/zarechnyy/',
      question: 'Офис «Заречный»',
      answerText:
        'ул. Рыбаков, д. 47. Часы работы: пн–пт 9:00–18:00, перерыв 13:00–13:45. Услуги: приём показаний; заключение договоров. Оплата: касса без комиссии.',
      topic: '',
      topicTitle: 'Озёрск',
      audience: 'all',
      details: { kind: 'hours', schedule: { weekly, exceptions: [], followsProductionCalendar: true, shortDayMinutes: 60 } },
    });
  });

  it('indexes a payment point without hours, services or ways to pay by its address alone, without a status line', () => {
    const doc = officeToSearchDocument({
      slug: 'vokzalnyy',
      kind: 'payment-point',
      name: 'Пункт оплаты «Вокзальный»',
      settlement: 'Озёрск',
      address: 'Привокзальная пл., д. 2.',
      weekly: [],
      services: [],
      payment: [],
    });
    expect(doc).toStrictEqual({
      id: 'payment-point_vokzalnyy',
      type: 'payment-point',
      url: '/spravka/punkty-oplaty/vokzalnyy/',
      question: 'Пункт оплаты «Вокзальный»',
      answerText: 'Привокзальная пл., д. 2.',
      topic: '',
      topicTitle: 'Озёрск',
      audience: 'all',
    });
  });
});
