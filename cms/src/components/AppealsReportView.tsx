import { APPEAL_CHANNEL_LABELS } from '@portal/core/appeal-channel';
import type { ChatReport } from '@portal/core/chat/chat-report';
import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import { APPEAL_TYPE_LABELS } from '@portal/core/appeal-type';
import { ANSWER_CHANNEL_LABELS } from '@portal/core/question-form';
import { periodPresets, ReportPeriodSchema } from '@portal/core/report-period';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { formatStaffDate } from './staff-dates';
import { APPEAL_REPORT_READERS_TEXT, canReadAppealReport } from '../access/roles';
import { loadAppealReport, type AppealReport } from '../appeals/reports/report';
import { loadCompany } from '../appeals/settings/settings';
import { APPEALS_REPORT_VIEW_PATH } from './appeals-report-path';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`);
const number = (value: number | null, unit = '') => (value === null ? '—' : `${String(value).replace('.', ',')}${unit}`);

/** A two-column table: caption, a header row, one row per key. */
function CountTable({ id, caption, head, counts, labels = {} }: { id: string; caption: string; head: string; counts: Record<string, number>; labels?: Record<string, string> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{caption}</h2>
      {entries.length === 0 ? (
        <p>За период обращений нет.</p>
      ) : (
        <table className="portal-report-table">
          <caption>{caption}, число обращений за период</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col">Обращений</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{label(labels, key)}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** «Чат»: the online consultant's conversations started in the period, with or without an appeal. */
function ChatSection({ chat }: { chat: ChatReport }) {
  return (
    <section aria-labelledby="report-chat">
      <h2 id="report-chat">Чат</h2>
      <table className="portal-report-table">
        <caption>Онлайн-консультант: все диалоги, начатые за период</caption>
        <tbody>
          <tr><th scope="row">Диалогов</th><td>{chat.total}</td></tr>
          <tr><th scope="row">Предложены ответы из базы ответов</th><td>{chat.faq.offered}</td></tr>
          <tr><th scope="row">Ответ найден в базе ответов: «Да» ({chat.faq.helped}) или ушли, не позвав оператора ({chat.faq.leftWithoutAsking})</th><td>{chat.answeredByFaq}</td></tr>
          <tr><th scope="row">Поставлены в очередь к оператору</th><td>{chat.queued}</td></tr>
          <tr><th scope="row">Приняты оператором</th><td>{chat.accepted}</td></tr>
          <tr><th scope="row">Ожидание оператора, медиана</th><td>{number(chat.waitMinutes.p50, ' мин')}</td></tr>
          <tr><th scope="row">Ожидание оператора, 90-й процентиль</th><td>{number(chat.waitMinutes.p90, ' мин')}</td></tr>
          <tr><th scope="row">Ушли из очереди до оператора</th><td>{chat.abandoned.count} ({percent(chat.abandoned.share)})</td></tr>
          <tr><th scope="row">Оформлено обращений</th><td>{chat.becameAppeals}</td></tr>
          <tr><th scope="row">Средняя оценка (1–5)</th><td>{number(chat.rating.average)} (оценок: {chat.rating.count})</td></tr>
        </tbody>
      </table>
    </section>
  );
}

/** The report's figures for a period. */
function ReportBody({ report }: { report: AppealReport }) {
  const suggestions = report.faqSuggestions;
  return (
    <>
      <section aria-labelledby="report-summary">
        <h2 id="report-summary">Главное</h2>
        <table className="portal-report-table">
          <caption>Основные показатели за период</caption>
          <tbody>
            <tr><th scope="row">Всего обращений</th><td>{report.total}</td></tr>
            <tr><th scope="row">Просрочено сейчас (открытые обращения всех периодов)</th><td>{report.overdueNow}</td></tr>
            <tr><th scope="row">Письменные обращения, зарегистрированные и переданные позже 2 рабочих дней</th><td>{report.registrationOverdue}</td></tr>
            <tr><th scope="row">Среднее время рассмотрения</th><td>{number(report.handlingHours.average, ' ч')}</td></tr>
            <tr><th scope="row">90-й процентиль времени рассмотрения</th><td>{number(report.handlingHours.p90, ' ч')}</td></tr>
            <tr><th scope="row">Средняя оценка заявителей (1–5)</th><td>{number(report.satisfaction.average)} (оценок: {report.satisfaction.count})</td></tr>
            <tr>
              <th scope="row">Вопросы, на которые ответила база ответов (подсказку открыли и вопрос не отправили)</th>
              <td>{suggestions ? `${suggestions.notSentAfterOpening} из ${suggestions.opened}` : '—'}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section aria-labelledby="report-on-time">
        <h2 id="report-on-time">Ответы в срок по видам обращений</h2>
        {Object.keys(report.onTimeByType).length === 0 ? (
          <p>За период ответов не было.</p>
        ) : (
          <table className="portal-report-table">
            <caption>Доля ответов, данных в установленный срок, по видам обращений</caption>
            <thead>
              <tr>
                <th scope="col">Вид обращения</th>
                <th scope="col">Отвечено</th>
                <th scope="col">Из них в срок</th>
                <th scope="col">Доля в срок</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.onTimeByType).map(([type, entry]) => (
                <tr key={type}>
                  <th scope="row">{label(APPEAL_TYPE_LABELS, type)}</th>
                  <td>{entry.answered}</td>
                  <td>{entry.onTime}</td>
                  <td>{percent(entry.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CountTable id="report-by-type" caption="По видам обращений" head="Вид обращения" counts={report.byType} labels={APPEAL_TYPE_LABELS} />
      <CountTable id="report-by-topic" caption="По темам" head="Тема" counts={report.byTopic} />
      <CountTable id="report-by-received-channel" caption="По каналу поступления" head="Канал" counts={report.byReceivedChannel} labels={APPEAL_CHANNEL_LABELS} />
      <CountTable id="report-by-channel" caption="По способу ответа" head="Способ ответа" counts={report.byChannel} labels={ANSWER_CHANNEL_LABELS} />
      <CountTable id="report-by-territory" caption="По территориям" head="Территория" counts={report.byTerritory} />
      {report.chat ? <ChatSection chat={report.chat} /> : null}
      <section aria-labelledby="report-ratings">
        <h2 id="report-ratings">Оценки заявителей</h2>
        <table className="portal-report-table">
          <caption>Распределение оценок от 1 (плохо) до 5 (отлично)</caption>
          <thead>
            <tr>
              <th scope="col">Оценка</th>
              <th scope="col">Количество</th>
            </tr>
          </thead>
          <tbody>
            {(['5', '4', '3', '2', '1'] as const).map((rating) => (
              <tr key={rating}>
                <th scope="row">{rating}</th>
                <td>{report.satisfaction.distribution[rating]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/**
 * «Отчёт по обращениям» (/admin/appeals-report): the managers' quality indicators (REQUIREMENTS §5) for a chosen
 * period, with quick choices and a CSV download of the same period. A plain GET form: works without scripts.
 */
export async function AppealsReportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1>Отчёт по обращениям</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<p>Пожалуйста, <a href="/admin/login">войдите</a>, чтобы увидеть отчёт.</p>);
  if (!canReadAppealReport(roles)) return template(<p>Отчёт доступен {APPEAL_REPORT_READERS_TEXT}.</p>);

  const company = await loadCompany(payload);
  const today = toLocalIsoDate(new Date(), company.timeZone);
  const presets = periodPresets(today);
  const requested = { from: first(searchParams?.from) ?? presets[0]!.from, to: first(searchParams?.to) ?? presets[0]!.to };
  const parsed = ReportPeriodSchema.safeParse(requested);
  const period = parsed.success ? parsed.data : { from: presets[0]!.from, to: presets[0]!.to };
  const error = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Период указан неверно.');
  const report = await loadAppealReport(payload, { ...period, today }, (instant) => toLocalIsoDate(new Date(instant), company.timeZone));
  const query = (from: string, to: string) => `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  return template(
    <div className="portal-appeals-report">
      <form method="get" action={`/admin${APPEALS_REPORT_VIEW_PATH}`} aria-labelledby="report-period-title">
        <h2 id="report-period-title">Период</h2>
        {error ? (
          <p role="alert" id="report-period-error">
            {error} Показан текущий месяц.
          </p>
        ) : null}
        <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div>
            <label htmlFor="report-from">С (дата)</label>
            <br />
            <input id="report-from" name="from" type="date" defaultValue={requested.from} required aria-invalid={error ? true : undefined} aria-describedby={error ? 'report-period-error' : undefined} />
          </div>
          <div>
            <label htmlFor="report-to">По (дата, включительно)</label>
            <br />
            <input id="report-to" name="to" type="date" defaultValue={requested.to} required aria-invalid={error ? true : undefined} aria-describedby={error ? 'report-period-error' : undefined} />
          </div>
          <button type="submit" className="btn btn--style-primary btn--size-small">Показать</button>
        </div>
      </form>
      <nav aria-label="Быстрый выбор периода" style={{ marginBlock: '1rem' }}>
        <ul style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', listStyle: 'none', padding: 0 }}>
          {presets.map((preset) => (
            <li key={preset.key}>
              <a href={`/admin${APPEALS_REPORT_VIEW_PATH}${query(preset.from, preset.to)}`} aria-current={preset.from === period.from && preset.to === period.to ? 'true' : undefined}>
                {preset.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        Показан период с {formatStaffDate(period.from)} по {formatStaffDate(period.to)}.{' '}
        <a href={`/api/appeals-report${query(period.from, period.to)}&format=csv`} download>
          Скачать CSV за этот период
        </a>
      </p>
      <ReportBody report={report} />
    </div>,
  );
}
