import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicQuestionnaireSchema } from '@portal/core/questionnaire';
import { FORM_END, FORM_START, handleQuestionnairePost, OUTCOME_MARKER, type CmsAnswer } from '@portal/public-server/questionnaire-page';
import { QuestionnaireIsland } from '../src/islands/QuestionnaireIsland';

/**
 * A questionnaire without JavaScript: the island's server-rendered HTML is a plain form with every question (the
 * branched ones too) that posts to the page; the public server sends the sheet on and answers with the page — errors
 * in a summary with the values put back, or the thanks with the form gone and the answer token in a cookie of this
 * questionnaire's address only.
 */

const questionnaire = PublicQuestionnaireSchema.parse({
  id: '7',
  slug: 'kachestvo',
  title: 'Качество обслуживания',
  from: '2026-01-01',
  to: '2099-12-31',
  questions: [
    { id: 'visit', text: 'Вы были в офисе?', kind: 'single', required: true, options: ['Да', 'Нет'] },
    { id: 'what', text: 'Что оформляли?', kind: 'multiple', options: ['Оплата', 'Договор "Свет"'], showIf: { question: 1, answer: 'Да' } },
    { id: 'nps', text: 'Порекомендуете нас?', kind: 'nps', required: true },
    { id: 'why', text: 'Что улучшить?', kind: 'text' },
  ],
});
const PATH = '/obratnaya-svyaz/anketa/kachestvo/';
const island = renderToString(createElement(QuestionnaireIsland, { questionnaire, privacyPolicyUrl: '/privacy/' }));
const SHELL = `<!DOCTYPE html><html lang="ru"><head><script>window.x=1;</script></head><body><main><h1>Качество обслуживания</h1>
<div class="questionnaire-outcome">${OUTCOME_MARKER}</div><div data-questionnaire-form>${FORM_START}</div>${island}<div>${FORM_END}</div></main></body></html>`;

let siteDir: string;
beforeAll(async () => {
  siteDir = await mkdtemp(path.join(os.tmpdir(), 'portal-questionnaire-page-'));
  await mkdir(path.join(siteDir, 'obratnaya-svyaz', 'anketa', 'kachestvo'), { recursive: true });
  await writeFile(path.join(siteDir, 'obratnaya-svyaz', 'anketa', 'kachestvo', 'index.html'), SHELL);
});
afterAll(async () => {
  await rm(siteDir, { recursive: true, force: true });
});

async function post(fields: [string, string][], answer: { status: number; body: CmsAnswer | null }, options: { cookie?: string; allowed?: boolean } = {}) {
  const sent: Record<string, unknown>[] = [];
  const response = await handleQuestionnairePost(
    new Request(`http://site.local${PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(options.cookie ? { Cookie: options.cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    }),
    {
      siteDir,
      overTls: false,
      allowed: () => options.allowed ?? true,
      send: async (sheet) => {
        sent.push(sheet);
        return answer;
      },
    },
  );
  return { response: response!, html: response ? await response.text() : '', sent };
}

describe('a questionnaire without JavaScript', () => {
  it('shows every question, the branched ones too, each in a fieldset with its number in the legend, in a form posting to the page', () => {
    expect(island).toMatch(/^<form [^>]*action="\/obratnaya-svyaz\/anketa\/kachestvo\/" method="post">/);
    for (const [number, text] of [[1, 'Вы были в офисе?'], [2, 'Что оформляли?'], [3, 'Порекомендуете нас?'], [4, 'Что улучшить?']] as const) {
      expect(island).toMatch(new RegExp(`<fieldset[^>]*><legend class="label">${number}<!-- -->\\. <!-- -->${text.replace('?', '\\?')}`));
    }
    expect(island).toContain('Вопрос для тех, кто ответил «Да» на вопрос 1.');
  });

  it('sends the fields as an answer sheet with the token of its cookie', async () => {
    const { sent } = await post([['q.visit', 'Да'], ['q.what', 'Оплата'], ['q.what', 'Договор "Свет"'], ['q.nps', '9'], ['q.why', ''], ['contact', ''], ['website', '']], { status: 201, body: { message: 'Спасибо! Ваши ответы получены.', token: 't' } }, { cookie: 'display-mode=x; anketa-token=q1.7.abc' });
    expect(sent).toEqual([{ questionnaire: 'kachestvo', token: 'q1.7.abc', answers: { visit: 'Да', what: ['Оплата', 'Договор "Свет"'], nps: '9', why: '' }, contact: '', consent: false, website: '' }]);
  });

  it('after the first answer: the thanks instead of the form, and the token in a cookie of this questionnaire only', async () => {
    const { response, html } = await post([['q.visit', 'Нет'], ['q.nps', '10']], { status: 201, body: { message: 'Спасибо! Ваши ответы получены.', token: 'q1.7.new.sig' } });
    expect(response.status).toBe(200);
    expect(html).toContain('<div class="success-panel" role="status" tabindex="-1" id="anketa-outcome"><h2>Спасибо!</h2><p>Спасибо! Ваши ответы получены.</p></div>');
    expect(html).not.toContain('<form');
    expect(response.headers.get('set-cookie')).toBe(`anketa-token=q1.7.new.sig; Path=${PATH}; Max-Age=31622400; HttpOnly; SameSite=Lax`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'sha256-");
  });

  it('a refused sheet: the error summary links to the question, and what was typed and chosen is back in the form', async () => {
    const issues = [{ path: ['answers', 'nps'], message: 'Выберите, пожалуйста, ответ.' }];
    const { response, html } = await post([['q.visit', 'Да'], ['q.what', 'Договор "Свет"'], ['q.why', 'Очередь <долгая>'], ['contact', 'ivan@mail.ru'], ['consent', '1']], { status: 400, body: { message: 'Пожалуйста, проверьте ответы', issues } });
    expect(response.status).toBe(400);
    expect(html).toContain('<a href="#anketa-nps-first">Вопрос 3: Выберите, пожалуйста, ответ.</a>');
    expect(html).toMatch(/<input checked="" id="anketa-visit-first" type="radio" name="q.visit" value="Да"\/>/);
    expect(html).toMatch(/<input id="anketa-visit-1" type="radio" name="q.visit" value="Нет"\/>/);
    expect(html).toMatch(/<input checked="" id="anketa-what-1" type="checkbox" name="q.what" value="Договор &quot;Свет&quot;"\/>/);
    expect(html).toContain('>Очередь &lt;долгая&gt;</textarea>');
    expect(html).toContain('<input value="ivan@mail.ru" id="anketa-contact" ');
    expect(html).toContain('<input checked="" id="anketa-consent" type="checkbox" name="consent" value="1"/>');
  });

  it('a second answer from this browser, too many from one address, and a finished questionnaire each say so', async () => {
    const again = await post([['q.visit', 'Нет']], { status: 409, body: { message: 'Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.' } }, { cookie: 'anketa-token=q1.7.abc' });
    expect(again.response.status).toBe(409);
    expect(again.html).toContain('<h2>Анкета уже заполнена</h2><p>Вы уже заполнили эту анкету — спасибо! Повторно ответить нельзя.</p>');
    const limited = await post([['q.visit', 'Нет'], ['q.why', 'текст']], { status: 201, body: null }, { allowed: false });
    expect(limited.response.status).toBe(429);
    expect(limited.sent).toEqual([]);
    expect(limited.html).toContain('>текст</textarea>');
    expect((await post([['q.visit', 'Нет']], { status: 404, body: { message: 'Эта анкета не найдена или уже завершена.' } })).html).toContain('<h2>Анкета завершена</h2>');
  });
});
