import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SearchHit, SearchQuery } from '@portal/search/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSearchPage, renderSearchResults, safeHighlight, SEARCH_RESULTS_MARKER, type SearchPageResult } from './search-page';
import { inlineHashes } from './security-headers';

const SHELL = `<!DOCTYPE html><html lang="ru"><head><script>window.__island=1;</script></head><body><main>
<form action="/search/" method="get"><input class="input" type="search" id="q" name="q" value="" maxLength="200"/>
<input type="radio" id="a-all" name="audience" value="" checked=""/><input type="radio" id="a-fl" name="audience" value="fl"/>
<input type="radio" id="k-all" name="type" value="" checked=""/><input type="radio" id="k-news" name="type" value="news"/>
<select class="select" id="t" name="topic"><option value="" selected="">Все темы</option><option value="zadolzhennost">Задолженность</option></select></form>
<div data-search-static>${SEARCH_RESULTS_MARKER}</div></main></body></html>`;

const hit: SearchHit = {
  id: 'penya-za-prosrochku',
  type: 'faq',
  url: '/faq/zadolzhennost/penya-za-prosrochku/',
  question: 'За что начисляются пени?',
  topic: 'zadolzhennost',
  topicTitle: 'Задолженность и ограничение',
  audience: 'all',
  score: 1,
  questionHtml: 'За что начисляются <mark>пени</mark>?',
  snippetHtml: '<mark>Пени</mark> &lt;b&gt;начисляются&lt;/b&gt; за каждый день просрочки.',
};

let siteDir: string;
beforeAll(async () => {
  siteDir = await mkdtemp(path.join(os.tmpdir(), 'portal-search-page-'));
  await mkdir(path.join(siteDir, 'search'));
  await writeFile(path.join(siteDir, 'search', 'index.html'), SHELL);
});
afterAll(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

const page = async (query: string, result: SearchPageResult | null, seen: SearchQuery[] = [], recorded: unknown[] = []) => {
  const response = await handleSearchPage(new Request(`http://site.local/search/${query}`), {
    siteDir,
    search: async (q) => {
      seen.push(q);
      return result;
    },
    record: (q, results) => recorded.push({ q, results }),
  });
  return { response, html: response ? await response.text() : '' };
};

describe('the server-rendered search page', () => {
  it('says what each hit is, links to its own page, and keeps the type filter of a shared link', async () => {
    const news: SearchHit = { ...hit, id: 'news_otklyuchenie', type: 'news', url: '/spravka/novosti/otklyuchenie/', topic: '', topicTitle: '', question: 'Отключение', questionHtml: '<mark>Отключение</mark>', snippetHtml: '' };
    const seen: SearchQuery[] = [];
    const { html } = await page('?q=%D0%BF%D0%B5%D0%BD%D0%B8&type=news', { hits: [news, hit], total: 2 }, seen);
    expect(seen[0]?.type).toBe('news');
    expect(html).toContain('<a class="search-results__title" href="/spravka/novosti/otklyuchenie/"><mark>Отключение</mark></a><p class="meta"><span class="search-results__type">Новость</span>');
    expect(html).toContain('<span class="search-results__type">Вопрос-ответ</span>');
    expect(html).toContain('<input type="radio" id="k-news" name="type" checked="" value="news"/>');
    expect(html).toContain('<input type="radio" id="k-all" name="type" value=""/>');
  });


  it('says «Офис» or «Пункт оплаты» for places and names their settlement', async () => {
    const office: SearchHit = { ...hit, id: 'office_severo-ozersk-zarechnyy', type: 'office', url: '/spravka/ofisy/severo-ozersk-zarechnyy/', topic: '', topicTitle: 'Северо-Озёрск', question: 'ЦОК «Северо-Озёрск, Заречный»', questionHtml: 'ЦОК «Северо-Озёрск, <mark>Заречный</mark>»', snippetHtml: '' };
    const point: SearchHit = { ...office, id: 'payment-point_vokzalnyy', type: 'payment-point', url: '/spravka/punkty-oplaty/vokzalnyy/', question: 'Пункт «Вокзальный»', questionHtml: 'Пункт «Вокзальный»' };
    const { html } = await page('?q=%D0%B7%D0%B0%D1%80%D0%B5%D1%87%D0%BD%D1%8B%D0%B9', { hits: [office, point], total: 2 });
    expect(html).toContain('<a class="search-results__title" href="/spravka/ofisy/severo-ozersk-zarechnyy/">ЦОК «Северо-Озёрск, <mark>Заречный</mark>»</a><p class="meta"><span class="search-results__type">Офис</span> · Северо-Озёрск · ');
    expect(html).toContain('<a class="search-results__title" href="/spravka/punkty-oplaty/vokzalnyy/">Пункт «Вокзальный»</a><p class="meta"><span class="search-results__type">Пункт оплаты</span> · Северо-Озёрск · ');
  });

  it('says which reading of the query the hits are for, offers a correction with the same filters, and shows a place\'s status line', async () => {
    const office: SearchHit = { ...hit, id: 'office_zarechnyy', type: 'office', url: '/spravka/ofisy/zarechnyy/', status: 'Открыто до 17:00 <b>' };
    const { html } = await page('?q=nfhbas&type=office', { hits: [office], total: 1, searchedAs: 'тарифы <i>', didYouMean: 'тарифы & цены' });
    expect(html).toContain('<p class="search-status" role="status">Найдено: 1<span class="search-status__reading">Показаны результаты по запросу «тарифы &lt;i&gt;»</span></p>');
    expect(html).toContain(
      '<p class="search-suggestion">Возможно, вы имели в виду <a href="/search/?q=%D1%82%D0%B0%D1%80%D0%B8%D1%84%D1%8B+%26+%D1%86%D0%B5%D0%BD%D1%8B&amp;type=office">«тарифы &amp; цены»</a>?</p>',
    );
    expect(html).toContain('<p class="search-results__status">Открыто до 17:00 &lt;b&gt;</p>');
  });

  it('adds no reading, correction or status line when the search has none', async () => {
    const { html } = await page('?q=%D0%BF%D0%B5%D0%BD%D0%B8', { hits: [hit], total: 1 });
    expect(html).not.toContain('search-status__reading');
    expect(html).not.toContain('search-suggestion');
    expect(html).not.toContain('search-results__status');
  });

  it('shows the hits with highlighted words, links to each entry and keeps the query in the field', async () => {
    const seen: SearchQuery[] = [];
    const recorded: unknown[] = [];
    const { response, html } = await page('?q=%D0%BF%D0%B5%D0%BD%D0%B8&audience=fl&topic=zadolzhennost', { hits: [hit], total: 1 }, seen, recorded);
    expect(response?.status).toBe(200);
    expect(seen).toEqual([{ q: 'пени', audience: 'fl', topic: 'zadolzhennost' }]);
    expect(recorded).toEqual([{ q: 'пени', results: 1 }]);
    expect(html).toContain('name="q" value="пени"');
    // The filters of the shared link stay selected in the form.
    expect(html).toContain('<input type="radio" id="a-fl" name="audience" checked="" value="fl"/>');
    expect(html).toContain('<input type="radio" id="a-all" name="audience" value=""/>');
    expect(html).toContain('<option selected="" value="zadolzhennost">');
    expect(html).toContain('<option value="">Все темы</option>');
    expect(html).toContain('Найдено: 1');
    expect(html).toContain('<a class="search-results__title" href="/faq/zadolzhennost/penya-za-prosrochku/">За что начисляются <mark>пени</mark>?</a>');
    expect(html).toContain('<mark>Пени</mark> &lt;b&gt;начисляются&lt;/b&gt;');
    expect(html).not.toContain(SEARCH_RESULTS_MARKER);
  });

  it('keeps a strict CSP computed from the built page only', async () => {
    const { response } = await page('?q=test', { hits: [], total: 0 });
    const csp = response?.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(inlineHashes(SHELL).scriptHashes[0]);
    expect(csp).not.toContain('unsafe-inline');
    expect(response?.headers.get('cache-control')).toBe('no-store');
  });

  it('escapes whatever the visitor typed', async () => {
    const { html } = await page(`?q=${encodeURIComponent('"><script>alert(1)</script>')}`, { hits: [], total: 0 });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('offers the question form with the query and the topics when nothing is found', async () => {
    const { html } = await page('?q=%D0%B7%D0%B0%D1%80%D1%8F%D0%B4%D0%BA%D0%B0', {
      hits: [],
      total: 0,
      suggestedTopics: [{ slug: 'tarify', title: 'Тарифы и цены' }],
    });
    expect(html).toContain('По запросу «зарядка» ничего не нашлось');
    expect(html).toContain('href="/vopros/?text=%D0%B7%D0%B0%D1%80%D1%8F%D0%B4%D0%BA%D0%B0"');
    expect(html).toContain('<a href="/faq/tarify/">Тарифы и цены</a>');
  });

  it('says politely when search is unavailable, and leaves pages without a query to the static site', async () => {
    expect((await page('?q=test', null)).html).toContain('Поиск сейчас недоступен');
    expect((await page('', null)).response).toBeNull();
    expect((await page('?q=%20%20', null)).response).toBeNull();
  });
});

describe('safeHighlight', () => {
  it('lets only <mark> through', () => {
    expect(safeHighlight('<mark>а</mark> <img src=x onerror=alert(1)> &amp; <mark>б')).toBe(
      '<mark>а</mark> &lt;img src=x onerror=alert(1)&gt; &amp; <mark>б</mark>',
    );
  });

  it('never links outside the site', () => {
    expect(renderSearchResults('x', { hits: [{ ...hit, url: 'javascript:alert(1)' }], total: 1 })).toContain('href="/search/"');
    expect(renderSearchResults('x', { hits: [{ ...hit, url: '//evil.example/' }], total: 1 })).toContain('href="/search/"');
  });
});
