'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@payloadcms/ui';
import { APPEAL_CHANNEL_LABELS, STAFF_CHANNELS, type StaffChannel } from '@portal/core/appeal-channel';
import { APPEAL_TYPE_LABELS } from '@portal/core/appeal-type';
import { ANSWER_CHANNEL_LABELS, ANSWER_CHANNELS } from '@portal/core/appeal-form-base';
import { STAFF_APPEAL_TYPES } from '@portal/core/staff-appeal';

type Result = { kind: 'idle' | 'busy' } | { kind: 'error'; message: string; errors: Record<string, string> } | { kind: 'done'; number: string; deadline: string; registrationDeadline: string | null; confirmation: string; id: number | string };

const FIELD_LABELS: Record<string, string> = {
  channel: 'Канал поступления',
  type: 'Вид обращения',
  topic: 'Тема',
  name: 'Заявитель (ФИО или организация)',
  email: 'E-mail',
  phone: 'Телефон',
  postalAddress: 'Почтовый адрес',
  accountNumber: 'Лицевой счёт или договор',
  answerChannel: 'Способ ответа',
  text: 'Суть обращения',
  receivedAt: 'Дата и время поступления (для почты — день получения письма)',
  consent: 'Согласие на обработку персональных данных',
};

/** A date in Russian as the end of a sentence: «28 декабря 2026 г.» already ends with its full stop. */
const sentence = (text: string): string => (text.endsWith('.') ? text : `${text}.`);

/** The local date-time `YYYY-MM-DDTHH:MM` of now, the default of the receipt field. */
function nowLocal(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The form of «Зарегистрировать обращение» (see RegisterAppealAction). */
export function RegisterAppealForm({ topics }: { topics: { value: string; label: string }[] }) {
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<StaffChannel>('phone');
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const errors = result.kind === 'error' ? result.errors : {};

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    const body = { ...data, receivedAt: data.receivedAt ? new Date(data.receivedAt).toISOString() : '', consent: data.consent || undefined };
    setResult({ kind: 'busy' });
    try {
      const response = await fetch('/api/appeals/register', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await response.json().catch(() => ({}))) as { message?: string; errors?: Record<string, string>; registrationNumber?: string; deadlineText?: string; registrationDeadlineText?: string | null; confirmation?: string; id?: number | string };
      if (!response.ok) {
        setResult({ kind: 'error', message: answer.message ?? 'Не удалось зарегистрировать обращение. Пожалуйста, попробуйте ещё раз.', errors: answer.errors ?? {} });
        return;
      }
      setResult({ kind: 'done', number: String(answer.registrationNumber), deadline: String(answer.deadlineText), registrationDeadline: answer.registrationDeadlineText ?? null, confirmation: String(answer.confirmation), id: answer.id ?? '' });
    } catch {
      setResult({ kind: 'error', message: 'Нет связи с сервером. Пожалуйста, попробуйте ещё раз.', errors: {} });
    }
  };

  const field = (name: string, input: ReactNode, hint?: string) => {
    // The admin's own field look (as the transition form): Payload's classes by the control's kind.
    const kind = name === 'text' || name === 'postalAddress' ? 'textarea' : ['channel', 'type', 'topic', 'answerChannel', 'consent'].includes(name) ? 'portal-select' : 'text';
    return (
      <div className={`field-type ${kind} portal-field${errors[name] ? ' error' : ''}`} style={{ marginBottom: '0.75rem' }}>
        <label className="field-label" htmlFor={`register-${name}`}>{FIELD_LABELS[name]}</label>
        <div className="field-type__wrap">
          {hint ? <p id={`register-${name}-hint`} className="field-description portal-field__hint">{hint}</p> : null}
          {input}
          {errors[name] ? <p role="alert" id={`register-${name}-error`} className="portal-field__error">{errors[name]}</p> : null}
        </div>
      </div>
    );
  };
  const described = (name: string, hint = false) => {
    const ids = [hint ? `register-${name}-hint` : '', errors[name] ? `register-${name}-error` : ''].filter(Boolean).join(' ');
    return { ...(errors[name] ? { 'aria-invalid': true } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
  };

  if (!open) {
    return (
      <div style={{ marginBlock: '0.5rem' }}>
        <Button buttonStyle="secondary" onClick={() => setOpen(true)}>Зарегистрировать обращение</Button>
        <small style={{ marginLeft: '0.5rem' }}>Звонок, приём в офисе, письмо по почте или чат — в тот же реестр, с тем же номером и сроком.</small>
      </div>
    );
  }
  return (
    <section aria-labelledby="register-appeal-title" style={{ border: '1px solid var(--theme-elevation-150)', padding: '1rem', marginBlock: '1rem', maxWidth: '48rem' }}>
      <h2 id="register-appeal-title">Зарегистрировать обращение</h2>
      {result.kind === 'done' ? (
        <div role="status">
          <p>
            Обращение зарегистрировано под номером <a href={`/admin/collections/appeals/${encodeURIComponent(String(result.id))}`}><strong>{result.number}</strong></a>. Срок ответа — {sentence(result.deadline)}
            {result.registrationDeadline ? ` Зарегистрировать и передать исполнителю — до ${sentence(result.registrationDeadline)}` : ''}
          </p>
          <p>
            {result.confirmation === 'email'
              ? 'Подтверждение с номером и сроком уйдёт заявителю на e-mail.'
              : 'У заявителя нет e-mail: сообщите ему номер и срок выбранным способом — задача с текстом создана в разделе «Уведомления заявителям».'}
          </p>
          <Button buttonStyle="secondary" onClick={() => { setResult({ kind: 'idle' }); }}>Зарегистрировать ещё одно</Button>
        </div>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {result.kind === 'error' ? <p role="alert">{result.message}</p> : null}
          {field('channel', (
            <select className="portal-control" id="register-channel" name="channel" value={channel} onChange={(event) => setChannel(event.target.value as StaffChannel)} {...described('channel', channel === 'post')}>
              {STAFF_CHANNELS.map((value) => <option key={value} value={value}>{APPEAL_CHANNEL_LABELS[value]}</option>)}
            </select>
          ), channel === 'post' ? 'Письменное обращение: зарегистрировать и передать исполнителю нужно в течение 2 рабочих дней с получения, ответить — в течение 20 календарных дней.' : undefined)}
          {field('type', (
            <select className="portal-control" id="register-type" name="type" defaultValue="question" {...described('type', true)}>
              {STAFF_APPEAL_TYPES.map((value) => <option key={value} value={value}>{APPEAL_TYPE_LABELS[value]}</option>)}
            </select>
          ), 'Вид — по существу обращения; канал — как оно поступило. Жалоба по телефону — это жалоба.')}
          {field('topic', (
            <select className="portal-control" id="register-topic" name="topic" defaultValue="" required {...described('topic')}>
              <option value="" disabled>Выберите тему</option>
              {topics.map((topic) => <option key={topic.value} value={topic.value}>{topic.label}</option>)}
            </select>
          ))}
          {field('receivedAt', <input id="register-receivedAt" name="receivedAt" type="datetime-local" defaultValue={nowLocal()} required {...described('receivedAt')} />)}
          {field('name', <input id="register-name" name="name" type="text" maxLength={100} required autoComplete="off" {...described('name')} />)}
          {field('phone', <input id="register-phone" name="phone" type="tel" maxLength={30} autoComplete="off" {...described('phone')} />)}
          {field('email', <input id="register-email" name="email" type="email" maxLength={254} autoComplete="off" {...described('email', true)} />, 'Если указан, заявителю уйдёт подтверждение с номером обращения.')}
          {field('postalAddress', <textarea id="register-postalAddress" name="postalAddress" maxLength={300} rows={2} {...described('postalAddress', channel === 'post')} />, channel === 'post' ? 'Обязательно для письма: адрес отправителя с конверта.' : undefined)}
          {field('accountNumber', <input id="register-accountNumber" name="accountNumber" type="text" maxLength={30} autoComplete="off" {...described('accountNumber')} />)}
          {field('answerChannel', (
            <select className="portal-control" id="register-answerChannel" name="answerChannel" defaultValue={channel === 'post' ? 'post' : 'phone'} key={channel} {...described('answerChannel')}>
              {ANSWER_CHANNELS.map((value) => <option key={value} value={value}>{ANSWER_CHANNEL_LABELS[value]}</option>)}
            </select>
          ))}
          {field('text', <textarea id="register-text" name="text" rows={6} maxLength={10000} required {...described('text')} />)}
          {field('consent', (
            <select className="portal-control" id="register-consent" name="consent" defaultValue="" key={channel} {...described('consent', channel !== 'post')}>
              <option value="">{channel === 'post' ? 'Не указано в письме' : 'Выберите'}</option>
              {channel === 'post' ? null : <option value="oral">Дано устно (записываю я)</option>}
              <option value="written">Дано письменно (заявление или подпись)</option>
            </select>
          ), channel === 'post' ? undefined : 'Спросите заявителя о согласии на обработку персональных данных до регистрации.')}
          <Button type="submit" disabled={result.kind === 'busy'}>Зарегистрировать</Button>{' '}
          <Button buttonStyle="secondary" onClick={() => setOpen(false)}>Отмена</Button>
        </form>
      )}
    </section>
  );
}
