'use client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@payloadcms/ui';

type Slot = { date: string; start: string; end: string };
type Result = { kind: 'idle' | 'busy' } | { kind: 'error'; message: string; errors: Record<string, string> } | { kind: 'done'; code: string; when: string; letter: boolean };

const FIELD_LABELS: Record<string, string> = {
  channel: 'Как обратился клиент',
  topic: 'Вопрос',
  date: 'День визита',
  start: 'Время',
  name: 'Имя клиента',
  phone: 'Телефон',
  email: 'E-mail',
  consent: 'Согласие на обработку персональных данных',
};

/** The form of «Записать клиента» (see StaffBookingAction): topic and day → free times → the client → the code. */
export function StaffBookingForm({ officeId, topics }: { officeId: string; topics: { value: string; label: string; minutes: number }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState(topics[0]?.value ?? '');
  const [date, setDate] = useState('');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [slotsMessage, setSlotsMessage] = useState<string | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const errors = result.kind === 'error' ? result.errors : {};

  const loadSlots = async () => {
    setSlots(null);
    setSlotsMessage(null);
    try {
      const query = new URLSearchParams({ office: officeId, topic, ...(date ? { date } : {}) });
      const response = await fetch(`/api/booking-staff/slots?${query}`, { credentials: 'include' });
      const answer = (await response.json().catch(() => ({}))) as { slots?: Slot[]; message?: string };
      if (!response.ok) setSlotsMessage(answer.message ?? 'Не удалось получить свободное время.');
      else {
        setSlots(answer.slots ?? []);
        if ((answer.slots ?? []).length === 0) setSlotsMessage('На этот день свободного времени нет. Выберите другой день.');
      }
    } catch {
      setSlotsMessage('Нет связи с сервером. Пожалуйста, попробуйте ещё раз.');
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget).entries()) as Record<string, string>;
    setResult({ kind: 'busy' });
    try {
      const response = await fetch('/api/booking-staff/book', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...data, office: officeId }) });
      const answer = (await response.json().catch(() => ({}))) as { message?: string; errors?: Record<string, string>; code?: string; when?: string; letter?: boolean };
      if (!response.ok) {
        setResult({ kind: 'error', message: answer.message ?? 'Не удалось записать клиента. Пожалуйста, попробуйте ещё раз.', errors: answer.errors ?? {} });
        if (response.status === 409) void loadSlots();
        return;
      }
      setResult({ kind: 'done', code: String(answer.code), when: String(answer.when ?? ''), letter: Boolean(answer.letter) });
      router.refresh();
    } catch {
      setResult({ kind: 'error', message: 'Нет связи с сервером. Пожалуйста, попробуйте ещё раз.', errors: {} });
    }
  };

  const field = (name: string, input: ReactNode, hint?: string) => (
    <div className={`field-type portal-field${errors[name] ? ' error' : ''}`} style={{ marginBottom: '0.75rem' }}>
      <label className="field-label" htmlFor={`staff-booking-${name}`}>{FIELD_LABELS[name]}</label>
      <div className="field-type__wrap">
        {hint ? <p id={`staff-booking-${name}-hint`} className="field-description portal-field__hint">{hint}</p> : null}
        {input}
        {errors[name] ? <p role="alert" id={`staff-booking-${name}-error`} className="portal-field__error">{errors[name]}</p> : null}
      </div>
    </div>
  );
  const described = (name: string, hint = false) => {
    const ids = [hint ? `staff-booking-${name}-hint` : '', errors[name] ? `staff-booking-${name}-error` : ''].filter(Boolean).join(' ');
    return { ...(errors[name] ? { 'aria-invalid': true } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
  };

  if (!open) {
    return (
      <div className="portal-no-print" style={{ marginBlock: '0.5rem' }}>
        <Button buttonStyle="secondary" onClick={() => setOpen(true)}>Записать клиента</Button>
        <small style={{ marginLeft: '0.5rem' }}>Клиент позвонил или пришёл: запись по тем же правилам, что и на сайте.</small>
      </div>
    );
  }
  return (
    <section aria-labelledby="staff-booking-title" className="portal-no-print" style={{ border: '1px solid var(--theme-elevation-150)', padding: '1rem', marginBlock: '1rem', maxWidth: '48rem' }}>
      <h2 id="staff-booking-title">Записать клиента</h2>
      {result.kind === 'done' ? (
        <div role="status">
          <p>
            Клиент записан: <strong>{result.when}</strong>, код записи <strong>{result.code}</strong>.
          </p>
          <p>{result.letter ? 'Подтверждение с кодом и адресом уйдёт клиенту на e-mail.' : 'E-mail не указан: назовите клиенту код записи, время и адрес офиса.'}</p>
          <Button buttonStyle="secondary" onClick={() => { setResult({ kind: 'idle' }); setSlots(null); }}>Записать ещё одного</Button>
        </div>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          {result.kind === 'error' ? <p role="alert">{result.message}</p> : null}
          {field('channel', (
            <select className="portal-control" id="staff-booking-channel" name="channel" defaultValue="phone" {...described('channel')}>
              <option value="phone">Позвонил по телефону</option>
              <option value="office">Пришёл в офис</option>
            </select>
          ))}
          {field('topic', (
            <select className="portal-control" id="staff-booking-topic" name="topic" value={topic} onChange={(event) => { setTopic(event.target.value); setSlots(null); }} {...described('topic')}>
              {topics.map((entry) => <option key={entry.value} value={entry.value}>{entry.label} ({entry.minutes} мин)</option>)}
            </select>
          ))}
          {field('date', <input id="staff-booking-date" name="date" type="date" value={date} onChange={(event) => { setDate(event.target.value); setSlots(null); }} {...described('date', true)} />, 'Можно записать и на сегодня, на время, которое ещё не прошло. Без даты покажем ближайшие свободные дни, начиная с завтрашнего.')}
          <p>
            <Button buttonStyle="secondary" onClick={() => void loadSlots()}>Показать свободное время</Button>
          </p>
          {slotsMessage ? <p role="status">{slotsMessage}</p> : null}
          {slots && slots.length > 0 ? (
            <fieldset className="portal-booking-slots" aria-describedby={errors.start ? 'staff-booking-start-error' : undefined}>
              <legend>{FIELD_LABELS.start}</legend>
              {slots.map((slot) => {
                const value = `${slot.date}T${slot.start}`;
                return (
                  <label key={value} className="portal-booking-slot">
                    <input type="radio" name="start" value={value} required /> {slot.date.split('-').reverse().join('.')} {slot.start}–{slot.end}
                  </label>
                );
              })}
              {errors.start ? <p role="alert" id="staff-booking-start-error" className="portal-field__error">{errors.start}</p> : null}
            </fieldset>
          ) : null}
          {field('name', <input id="staff-booking-name" name="name" type="text" maxLength={100} required autoComplete="off" {...described('name')} />)}
          {field('phone', <input id="staff-booking-phone" name="phone" type="tel" maxLength={30} autoComplete="off" {...described('phone', true)} />, 'Телефон или e-mail — хотя бы одно.')}
          {field('email', <input id="staff-booking-email" name="email" type="email" maxLength={254} autoComplete="off" {...described('email', true)} />, 'Если указан, клиенту уйдёт подтверждение с кодом записи, адресом и напоминание накануне.')}
          <div className={`portal-field${errors.consent ? ' error' : ''}`} style={{ marginBottom: '0.75rem' }}>
            <label htmlFor="staff-booking-consent">
              <input id="staff-booking-consent" name="consent" type="checkbox" value="given" {...described('consent', true)} /> Клиент согласен на обработку персональных данных
            </label>
            <p id="staff-booking-consent-hint" className="field-description portal-field__hint">Спросите клиента о согласии до записи: оно сохраняется как данное устно.</p>
            {errors.consent ? <p role="alert" id="staff-booking-consent-error" className="portal-field__error">{errors.consent}</p> : null}
          </div>
          <Button type="submit" disabled={result.kind === 'busy' || !slots || slots.length === 0}>Записать</Button>{' '}
          <Button buttonStyle="secondary" onClick={() => setOpen(false)}>Отмена</Button>
        </form>
      )}
    </section>
  );
}
