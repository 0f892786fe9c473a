'use client';
import { useEffect, useState } from 'react';
import { useDocumentInfo } from '@payloadcms/ui';
import type { QuestionnaireResults as Results, QuestionResult } from '@portal/core/questionnaire';

type State = { kind: 'loading' } | { kind: 'hidden'; message: string } | { kind: 'error'; message: string } | { kind: 'ready'; results: Results };

const NUMBER = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
const percent = (count: number, total: number) => (total === 0 ? '—' : `${NUMBER.format(Math.round((count / total) * 1000) / 10)} %`);

/**
 * «Итоги» below a questionnaire's questions, for managers and administrators (GET /api/questionnaires/:id/results):
 * answer sheets received, counts per option, averages of scales, NPS, the free texts with personal data masked, and
 * the CSV download. Other roles read a note instead.
 */
export function QuestionnaireResults() {
  const { id } = useDocumentInfo();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    if (id === undefined || id === null) return;
    const controller = new AbortController();
    fetch(`/api/questionnaires/${encodeURIComponent(String(id))}/results`, { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        if (response.status === 403) return setState({ kind: 'hidden', message: 'Итоги анкеты видят руководители и администраторы.' });
        if (response.status === 404) return setState({ kind: 'hidden', message: 'Итоги появятся после публикации анкеты.' });
        if (!response.ok) throw new Error();
        setState({ kind: 'ready', results: (await response.json()) as Results });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ kind: 'error', message: 'Не удалось загрузить итоги. Пожалуйста, обновите страницу.' });
      });
    return () => controller.abort();
  }, [id]);

  if (id === undefined || id === null) return null;
  return (
    <section aria-labelledby="questionnaire-results-title" style={{ marginBlock: '2rem' }}>
      <h2 id="questionnaire-results-title">Итоги</h2>
      {state.kind === 'loading' ? <p>Загрузка…</p> : null}
      {state.kind === 'hidden' ? <p>{state.message}</p> : null}
      {state.kind === 'error' ? <p role="alert">{state.message}</p> : null}
      {state.kind === 'ready' ? (
        <>
          <p>
            Заполненных анкет: <strong data-testid="questionnaire-responses">{state.results.responses}</strong>.{' '}
            <a href={`/api/questionnaires/${encodeURIComponent(String(id))}/results?format=csv`} download>
              Скачать итоги (CSV)
            </a>
          </p>
          {state.results.questions.map((question) => (
            <QuestionBlock key={question.id} question={question} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function QuestionBlock({ question }: { question: QuestionResult }) {
  const title = `${question.number}. ${question.text}`;
  const answered = `Ответили: ${question.answered}`;
  if ('texts' in question) {
    return (
      <div style={{ marginBlock: '1.25rem' }}>
        <h3 style={{ overflowWrap: 'anywhere' }}>{title}</h3>
        <p>{answered}. Персональные данные в ответах скрыты.</p>
        {question.texts.length > 0 ? (
          <ul>
            {question.texts.map((text, index) => (
              <li key={index} style={{ whiteSpace: 'pre-wrap' }}>{text}</li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const rows: { label: string; count: number }[] =
    'options' in question
      ? question.options.map((option) => ({ label: option.option, count: option.count }))
      : question.distribution.map((item) => ({ label: String(item.value), count: item.count }));
  const scale = 'distribution' in question ? question : null;
  return (
    <div style={{ marginBlock: '1.25rem' }}>
      <h3>{title}</h3>
      <p>
        {answered}
        {scale && scale.average !== null ? `. Среднее: ${NUMBER.format(scale.average)}` : ''}
        {scale?.nps && scale.nps.nps !== null ? (
          <>
            . NPS: <strong data-testid={`nps-${question.number}`}>{scale.nps.nps}</strong> (сторонники 9–10: {scale.nps.promoters}, нейтральные 7–8: {scale.nps.passives}, критики 0–6: {scale.nps.detractors})
          </>
        ) : null}
      </p>
      <table style={{ width: '100%', maxWidth: '40rem', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{title}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', padding: '0.25rem 0.5rem' }}>Ответ</th>
            <th scope="col" style={{ textAlign: 'left', padding: '0.25rem 0.5rem' }}>Ответов</th>
            <th scope="col" style={{ textAlign: 'left', padding: '0.25rem 0.5rem' }}>Доля</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" style={{ fontWeight: 'normal', textAlign: 'left', padding: '0.25rem 0.5rem', overflowWrap: 'anywhere' }}>{row.label}</th>
              <td style={{ padding: '0.25rem 0.5rem' }}>{row.count}</td>
              <td style={{ padding: '0.25rem 0.5rem' }}>{percent(row.count, question.answered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
