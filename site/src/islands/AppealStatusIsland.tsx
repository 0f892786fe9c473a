import '../lib/zod-csp';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { STATUS_LOOKUP_FIELD_LABELS as L, StatusLookupSchema } from '@portal/core/appeal-status-lookup';
import { normalizeRegistrationNumber } from '@portal/core/registration-number';
import { fieldErrors } from '@portal/core/form-errors';
import { describedBy } from '../lib/form-fields';
import { APPEAL_STATUS_API_PATH, STATUS_NUMBER_PARAM, telHref } from '../lib/urls';
import { ScriptNotice } from './ScriptNotice';

/** What the CMS answers for an appeal (GET or POST /api/forms/status): the state and nothing personal. */
interface AppealStatus {
  registrationNumber: string;
  stateLabel: string;
  deadlineText: string;
  extensionReason?: string;
  answer?: string;
}

type LookupField = 'number' | 'contact';
type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; status: AppealStatus }
  /** A lookup that did not find anything (no title: the message says it), or failed: a message above the form. */
  | { kind: 'error'; title?: string; message: string }
  /** The input itself is wrong: messages under the fields. */
  | { kind: 'invalid'; errors: Partial<Record<LookupField, string>> };

const FAILURE = 'Пожалуйста, попробуйте ещё раз чуть позже.';
const FAILURE_TITLE = 'Не удалось получить сведения';
const failed: View = { kind: 'error', title: FAILURE_TITLE, message: FAILURE };
const ID = 'status';

async function readStatus(response: Response): Promise<View> {
  const body = (await response.json().catch(() => null)) as (AppealStatus & { message?: string; fieldErrors?: Partial<Record<LookupField, string>> }) | null;
  if (response.ok && body?.stateLabel) return { kind: 'found', status: body };
  if (response.status === 400 && body?.fieldErrors && (body.fieldErrors.number || body.fieldErrors.contact)) return { kind: 'invalid', errors: body.fieldErrors };
  if (response.status === 404 && body?.message) return { kind: 'error', message: body.message };
  return { kind: 'error', title: FAILURE_TITLE, message: body?.message ?? FAILURE };
}

/**
 * The client's appeal status without an account: opened from the private link in the confirmation e-mail (the token
 * is in the address fragment and never reaches a server log), or found by registration number plus the e-mail or
 * phone given in the appeal. The number may come in the address (`?number=`, from the success panel of a form);
 * the contact never does. The number is checked and normalised by the schema the server uses, so «B-2026-000123»
 * typed with a Latin B finds «В-2026-000123».
 */
export function AppealStatusIsland({ hotline }: { hotline: string }) {
  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [number, setNumber] = useState('');
  const [contact, setContact] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const contactRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setHydrated(true);
    const prefilled = new URLSearchParams(window.location.search).get(STATUS_NUMBER_PARAM);
    if (prefilled) setNumber(normalizeRegistrationNumber(prefilled) ?? prefilled.slice(0, 40));
    const token = new URLSearchParams(window.location.hash.slice(1)).get('t');
    if (!token) return;
    setView({ kind: 'loading' });
    fetch(`${APPEAL_STATUS_API_PATH}?token=${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } })
      .then(readStatus, () => failed)
      .then(setView);
  }, []);

  useEffect(() => {
    if (view.kind === 'found' || view.kind === 'error') resultRef.current?.focus();
    if (view.kind === 'invalid') (view.errors.number ? numberRef : contactRef).current?.focus();
  }, [view]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = StatusLookupSchema.safeParse({ number, contact });
    if (!parsed.success) {
      setView({ kind: 'invalid', errors: fieldErrors(parsed.error) });
      return;
    }
    // Show the number as it will be looked up: «b 2026 123» becomes «В-2026-000123».
    setNumber(parsed.data.number);
    setView({ kind: 'loading' });
    try {
      const response = await fetch(APPEAL_STATUS_API_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(parsed.data),
      });
      setView(await readStatus(response));
    } catch {
      setView(failed);
    }
  };

  const errors = view.kind === 'invalid' ? view.errors : {};
  const field = (name: LookupField) => ({
    id: `${ID}-${name}`,
    hint: `${ID}-${name}-hint`,
    error: errors[name] ? `${ID}-${name}-error` : undefined,
  });
  const numberIds = field('number');
  const contactIds = field('contact');

  return (
    <div className="appeal-status form-frame" data-ready={hydrated ? 'true' : undefined}>
      {view.kind === 'found' ? (
        <div className="success-panel status-result" ref={resultRef} tabIndex={-1} aria-labelledby={`${ID}-result-title`}>
          <h2 id={`${ID}-result-title`}>Обращение № {view.status.registrationNumber}</h2>
          <dl className="status-facts">
            <dt>Состояние</dt>
            <dd>{view.status.stateLabel}</dd>
            <dt>Срок ответа</dt>
            <dd>{view.status.deadlineText}</dd>
            {view.status.extensionReason ? (
              <>
                <dt>Почему срок продлён</dt>
                <dd>{view.status.extensionReason}</dd>
              </>
            ) : null}
          </dl>
          {view.status.answer ? (
            <>
              <h3>Ответ</h3>
              <p className="status-answer">{view.status.answer}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {view.kind === 'error' ? (
        <div className="notice-banner" role="alert" ref={resultRef} tabIndex={-1} aria-labelledby={view.title ? `${ID}-error-title` : undefined}>
          {view.title ? (
            <>
              <h2 id={`${ID}-error-title`}>{view.title}</h2>
              <p>{view.message}</p>
            </>
          ) : (
            <p className="notice-banner__lead">{view.message}</p>
          )}
          <p>
            Если вопрос срочный, пожалуйста, позвоните по телефону <a href={telHref(hotline)}>{hotline}</a>.
          </p>
        </div>
      ) : null}
      {!hydrated && <ScriptNotice id={`${ID}-script-notice`} hotline={hotline} task="узнать, как идёт рассмотрение обращения," />}
      {/* POST and disabled until the script runs: a plain GET would put the e-mail or phone into the address. */}
      <form className="status-lookup" method="post" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ID}-form-title`}>
        <h2 id={`${ID}-form-title`}>Найти обращение по номеру</h2>
        <p>Укажите регистрационный номер из письма-подтверждения и e-mail или телефон, которые вы указали в обращении.</p>
        <fieldset className="fieldset" disabled={!hydrated}>
          <div className={errors.number ? 'field field--error' : 'field'}>
            <label className="label" htmlFor={numberIds.id}>
              {L.number}
            </label>
            <p className="hint" id={numberIds.hint}>
              Например, В-2026-000123. Регистр букв, пробелы и вид тире значения не имеют
            </p>
            {errors.number && (
              <p className="error-message" id={numberIds.error}>
                <span className="visually-hidden">Ошибка: </span>
                {errors.number}
              </p>
            )}
            <input
              className="input input--short"
              id={numberIds.id}
              ref={numberRef}
              name="number"
              type="text"
              maxLength={40}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={number}
              onChange={(event) => setNumber(event.target.value)}
              onBlur={() => setNumber((typed) => normalizeRegistrationNumber(typed) ?? typed)}
              aria-describedby={describedBy(numberIds.hint, numberIds.error)}
              aria-invalid={errors.number ? true : undefined}
            />
          </div>
          <div className={errors.contact ? 'field field--error' : 'field'}>
            <label className="label" htmlFor={contactIds.id}>
              {L.contact}
            </label>
            <p className="hint" id={contactIds.hint}>
              Тот, что вы указали в обращении: например, ivanova@mail.ru или +7 912 345-67-89
            </p>
            {errors.contact && (
              <p className="error-message" id={contactIds.error}>
                <span className="visually-hidden">Ошибка: </span>
                {errors.contact}
              </p>
            )}
            <input
              className="input"
              id={contactIds.id}
              ref={contactRef}
              name="contact"
              type="text"
              maxLength={200}
              autoComplete="email"
              spellCheck={false}
              value={contact}
              onChange={(event) => setContact(event.target.value)}
              aria-describedby={describedBy(contactIds.hint, contactIds.error)}
              aria-invalid={errors.contact ? true : undefined}
            />
          </div>
          <button className="button" type="submit" disabled={view.kind === 'loading'}>
            {view.kind === 'loading' ? 'Ищем…' : 'Показать состояние'}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
