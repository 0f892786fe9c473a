import type { UIFieldServerProps } from 'payload';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { APPEAL_CHANNEL_LABELS, receivedChannelOf, type AppealChannel } from '@portal/core/appeal-channel';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { answerChannelLabel, appealStateLabel, appealTypeLabel, audienceLabel, deadlineLine, detailRows, letterRows, type StoredLetter } from './appeal-view';
import { formatStaffDateTime } from './staff-dates';
import { AppealResendButtons, type ResendableLetterOption } from './AppealResendButtons';

interface StoredAppeal {
  channel?: string | null;
  registrationDeadlineDate?: string | null;
  id: number | string;
  status?: string;
  type?: string;
  receivedAt?: string;
  deadlineDate?: string;
  receivedOutsideWorkingHours?: boolean | null;
  topic?: number | string | null;
  topicAsSent?: number | string | null;
  territory?: string | null;
  audience?: string | null;
  name?: string;
  email?: string | null;
  phone?: string | null;
  answerChannel?: string;
  postalAddress?: string | null;
  accountNumber?: string | null;
  text?: string;
  details?: unknown;
  meterSerial?: string | null;
  attachments?: (number | string)[] | null;
  consent?: { version?: string | null; acceptedAt?: string | null; ip?: string | null } | null;
  handlerGroup?: string | null;
  assignee?: number | string | null;
  answeredAt?: string | null;
  confirmation?: StoredLetter | null;
  handlerNotice?: StoredLetter | null;
  answerDelivery?: StoredLetter | null;
  survey?: StoredLetter | null;
}

interface StoredAttachment {
  id: number | string;
  url?: string | null;
  filename?: string | null;
  originalName?: string | null;
  mimeType?: string | null;
  filesize?: number | null;
}

const KIND_OF_FILE: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** «1,2 МБ», «350 КБ». */
function fileSize(bytes: number | null | undefined): string {
  if (!bytes) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`;
}

/** One «term — value» pair of the client block; nothing when the appeal has no value for it. */
function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <div className="portal-appeal__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The top of an appeal's screen, what a handler reads first: the deadline with the working days left, the client's
 * message, who wrote and how to answer, topic and territory by name, attachments, the form's own fields and the
 * robot's letters — as text, not as disabled inputs. Rendered on the server from the stored appeal.
 */
export async function AppealOverview({ payload, id }: UIFieldServerProps) {
  if (id === undefined || id === null) return null;
  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as StoredAppeal | null;
  if (!appeal) return null;
  const settings = await robotSettings(payload);
  const timeZone = settings.company.timeZone;
  const attachmentIds = (appeal.attachments ?? []).map((value) => (typeof value === 'object' && value !== null ? (value as { id: number | string }).id : value));
  const [attachments, services, assignee] = await Promise.all([
    attachmentIds.length
      ? payload.find({ collection: COLLECTIONS.appealAttachments, where: { id: { in: attachmentIds } }, depth: 0, pagination: false, overrideAccess: true }).then((found) => found.docs as unknown as StoredAttachment[])
      : Promise.resolve([] as StoredAttachment[]),
    payload.find({ collection: COLLECTIONS.services, depth: 0, pagination: false, overrideAccess: true }).then((found) => new Map(found.docs.map((doc) => [String((doc as { slug?: unknown }).slug), String((doc as { title?: unknown }).title ?? '')]))),
    appeal.assignee ? payload.findByID({ collection: COLLECTIONS.users, id: appeal.assignee, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null) : Promise.resolve(null),
  ]);
  const topic = appeal.topic !== null && appeal.topic !== undefined ? settings.topicsById.get(String(appeal.topic)) : undefined;
  const territoryName = appeal.territory ? (settings.territoryNamesBySlug.get(appeal.territory) ?? appeal.territory) : '';
  const today = toLocalIsoDate(new Date(), timeZone);
  const deadline = appeal.deadlineDate ? deadlineLine(String(appeal.status), appeal.deadlineDate, today, settings.calendar) : null;
  const details = detailRows(appeal.details, services);
  const letters = letterRows(appeal, timeZone);
  const topicAsSent = appeal.topicAsSent !== null && appeal.topicAsSent !== undefined ? settings.topicsById.get(String(appeal.topicAsSent)) : undefined;
  const reclassified = appeal.topicAsSent !== null && appeal.topicAsSent !== undefined && String(appeal.topicAsSent) !== String(appeal.topic ?? '');
  // Letters already sent may be sent again on request, to the stored address only (cms/src/appeals/handling/resend.ts).
  const resendable: ResendableLetterOption[] = appeal.email
    ? [
        ...(appeal.confirmation?.state === 'sent' ? [{ letter: 'confirmation' as const, label: 'Отправить подтверждение повторно' }] : []),
        ...(appeal.answerDelivery?.state === 'sent' ? [{ letter: 'answer' as const, label: 'Отправить ответ повторно' }] : []),
      ]
    : [];
  const assigneeName = assignee ? String((assignee as { name?: string }).name || (assignee as { email?: string }).email || '') : '';

  return (
    <section className="portal-appeal" aria-label="Обращение клиента">
      <div className="portal-appeal__summary">
        <p className="portal-appeal__badges">
          <span className="portal-appeal__badge">{appealTypeLabel(appeal.type)}</span>
          <span className="portal-appeal__badge portal-appeal__badge--state">{appealStateLabel(appeal.status)}</span>
          <span className="portal-appeal__badge">Канал: {APPEAL_CHANNEL_LABELS[receivedChannelOf(appeal) as AppealChannel] ?? receivedChannelOf(appeal)}</span>
        </p>
        <p className="portal-appeal__received">
          Поступило {formatStaffDateTime(appeal.receivedAt, timeZone)}
          {appeal.receivedOutsideWorkingHours ? ' (в нерабочее время)' : ''}
        </p>
        {deadline ? (
          <p className={`portal-appeal__deadline portal-appeal__deadline--${deadline.tone}`}>
            <span className="portal-appeal__deadline-label">Срок ответа:</span> {deadline.text}
          </p>
        ) : null}
        {appeal.registrationDeadlineDate && appeal.status === 'registered' ? (
          <p className={`portal-appeal__deadline portal-appeal__deadline--${appeal.registrationDeadlineDate < today ? 'overdue' : 'normal'}`}>
            <span className="portal-appeal__deadline-label">Зарегистрировать и передать исполнителю:</span> до {formatRussianDate(appeal.registrationDeadlineDate)}
            {appeal.registrationDeadlineDate < today ? ' (срок регистрации письменного обращения пропущен)' : ''}
          </p>
        ) : null}
        {appeal.answeredAt ? <p className="portal-appeal__received">Ответ дан {formatStaffDateTime(appeal.answeredAt, timeZone)}</p> : null}
      </div>

      <h2 className="portal-appeal__heading" id="appeal-text-title">
        Текст обращения
      </h2>
      <div className="portal-appeal__text" aria-labelledby="appeal-text-title" role="region">
        {appeal.text}
      </div>

      <div className="portal-appeal__columns">
        <div>
          <h2 className="portal-appeal__heading">Заявитель и способ ответа</h2>
          <dl className="portal-appeal__facts">
            <Fact term="Имя">{appeal.name}</Fact>
            <Fact term="Кто обращается">{audienceLabel(appeal.audience)}</Fact>
            <Fact term="E-mail">{appeal.email ? <a href={`mailto:${appeal.email}`}>{appeal.email}</a> : null}</Fact>
            <Fact term="Телефон">{appeal.phone ? <a href={`tel:${appeal.phone.replace(/[^\d+]/g, '')}`}>{appeal.phone}</a> : null}</Fact>
            <Fact term="Почтовый адрес">{appeal.postalAddress}</Fact>
            <Fact term="Лицевой счёт / договор">{appeal.accountNumber}</Fact>
            <Fact term="Способ ответа">{answerChannelLabel(appeal.answerChannel)}</Fact>
          </dl>
        </div>
        <div>
          <h2 className="portal-appeal__heading">О чём и откуда</h2>
          <dl className="portal-appeal__facts">
            <Fact term="Тема">{topic?.title ?? (appeal.topic ? `тема № ${String(appeal.topic)}` : 'не указана')}</Fact>
            {reclassified ? <Fact term="Тема, выбранная заявителем">{topicAsSent?.title ?? `тема № ${String(appeal.topicAsSent)}`}</Fact> : null}
            <Fact term="Населённый пункт / район">{territoryName || 'не указан'}</Fact>
            <Fact term="Заводской номер счётчика">{appeal.meterSerial}</Fact>
            <Fact term="Группа исполнителей">{appeal.handlerGroup || 'не назначена'}</Fact>
            <Fact term="Исполнитель">{assigneeName || 'не назначен'}</Fact>
          </dl>
        </div>
      </div>

      <h2 className="portal-appeal__heading">Вложения</h2>
      {attachments.length === 0 ? (
        <p className="portal-appeal__muted">Файлов к обращению не приложено.</p>
      ) : (
        <ul className="portal-appeal__files">
          {attachments.map((file) => (
            <li key={String(file.id)}>
              <a href={file.url ?? `/api/${COLLECTIONS.appealAttachments}/file/${encodeURIComponent(String(file.filename ?? ''))}`} target="_blank" rel="noopener">
                {file.originalName || file.filename}
              </a>{' '}
              <span className="portal-appeal__muted">
                ({[KIND_OF_FILE[String(file.mimeType)] ?? file.mimeType, fileSize(file.filesize)].filter(Boolean).join(', ')})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2 className="portal-appeal__heading" id="appeal-details-title">
        Данные формы
      </h2>
      {details.length === 0 ? (
        <p className="portal-appeal__muted">Других полей в этой форме нет.</p>
      ) : (
        <div className="portal-table-scroll" role="region" aria-label="Данные формы" tabIndex={0}>
          <table className="portal-table" aria-labelledby="appeal-details-title">
            <tbody>
              {details.map((row, index) => (
                <tr key={`${row.label}-${index}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 className="portal-appeal__heading" id="appeal-letters-title">
        Письма робота
      </h2>
      {letters.length === 0 ? (
        <p className="portal-appeal__muted">Писем по этому обращению робот не отправлял.</p>
      ) : (
        <div className="portal-table-scroll" role="region" aria-label="Письма робота" tabIndex={0}>
          <table className="portal-table" aria-labelledby="appeal-letters-title">
            <thead>
              <tr>
                <th scope="col">Письмо</th>
                <th scope="col">Состояние</th>
                <th scope="col">Когда</th>
                <th scope="col">Попыток</th>
                <th scope="col">Последняя ошибка</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((row) => (
                <tr key={row.letter}>
                  <th scope="row">{row.letter}</th>
                  <td>{row.state}</td>
                  <td>{row.when}</td>
                  <td>{row.attempts}</td>
                  <td>{row.error || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {appeal.email ? <AppealResendButtons appealId={String(appeal.id)} letters={resendable} email={appeal.email} /> : null}

      {appeal.consent?.acceptedAt ? (
        <p className="portal-appeal__muted portal-appeal__consent">
          Согласие на обработку персональных данных дано {formatStaffDateTime(appeal.consent.acceptedAt, timeZone)}
          {appeal.consent.version ? `, текст согласия: ${appeal.consent.version}` : ''}
          {appeal.consent.ip ? `, IP-адрес ${appeal.consent.ip}` : ''}.
        </p>
      ) : null}
    </section>
  );
}
