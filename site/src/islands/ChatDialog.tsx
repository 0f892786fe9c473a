import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AttachmentLimits } from '@portal/core/attachments';
import {
  ChatStore,
  ChatTranscript,
  chatEventsUrl,
  newClientMessageId,
  parseMessageEvent,
  parseStateEvent,
  sendWithRetry,
  type ChatSessionRef,
  type ChatStateUpdate,
  type PendingMessage,
} from '../lib/chat-session';
import { requestTranscript, sendAttachment, sendContact, sendFaqHelped, sendRating, startConversation, suggestAnswers, type ChatFaqAnswer } from '../lib/chat-api';
import { startHumanCheck } from '../lib/human-check';
import { CHAT_CHALLENGE_PATH } from '../lib/urls';
import { CONSENT_HINT, ConsentLabel } from './form-kit/fields';

/** What the launcher knows from the page (data attributes of the button, see components/ChatLauncher.astro). */
export interface ChatDialogProps {
  /** The element that opened the dialog; focus returns to it on close. */
  launcher: HTMLElement;
  privacyPolicyUrl: string;
  attachmentLimits: AttachmentLimits;
  /** A conversation opened by its private link (`/chat/?c=…#t=…`). */
  linked: ChatSessionRef | null;
  /** Bumped by the launcher each time it is pressed: opens the dialog again. */
  openCount: number;
}

type Phase =
  | { kind: 'ask' }
  | { kind: 'suggesting'; text: string }
  | { kind: 'faq'; text: string; answers: ChatFaqAnswer[] }
  | { kind: 'thanks' }
  | { kind: 'starting'; text: string }
  | { kind: 'conversation' };

const TITLE_ID = 'chat-dialog-title';

/** A message of the client's not yet in the log: unsent, or acknowledged (`seq`) but not yet back from the stream. */
type ShownPending = PendingMessage & { seq?: number };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Times in the company's zone (the launcher's `data-time-zone`), as the operators' promises are made in it. */
let timeZone: string | undefined;
export function setChatTimeZone(zone: string | undefined): void {
  try {
    timeZone = zone ? new Intl.DateTimeFormat('ru-RU', { timeZone: zone }).resolvedOptions().timeZone : undefined;
  } catch {
    timeZone = undefined;
  }
}
const formatTime = (iso: string) =>
  iso && !Number.isNaN(Date.parse(iso)) ? new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso)) : '';
const formatDateTime = (iso: string) =>
  iso && !Number.isNaN(Date.parse(iso)) ? new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso)) : iso;

/** The queue line: position and wait, the operator, the promised time, or the end. */
export function stateLine(update: ChatStateUpdate | null): string {
  if (!update) return 'Подключаемся…';
  switch (update.state) {
    case 'queued': {
      const parts = ['Вы в очереди'];
      if (update.position) parts[0] = `Вы в очереди: ${update.position}-й`;
      if (update.estimatedWaitMinutes !== null && update.estimatedWaitMinutes !== undefined) {
        parts.push(update.estimatedWaitMinutes <= 1 ? 'оператор ответит примерно через минуту' : `примерное ожидание — ${update.estimatedWaitMinutes} мин.`);
      }
      // «… — 7 мин.» already ends with a full stop.
      return `${parts.join(', ')}`.replace(/\.?$/, '.');
    }
    case 'active':
      return update.operatorName ? `Оператор ${update.operatorName} на связи.` : 'Оператор на связи.';
    case 'deferred':
      return update.deferredUntil ? `Оператор вернётся к вашему вопросу ${formatDateTime(update.deferredUntil)}.` : 'Оператор вернётся к вашему вопросу позже.';
    case 'closed':
      return 'Разговор завершён.';
  }
}

/**
 * The chat window: a modal dialog (native `<dialog>`: focus moves in and the page behind is inert; Escape
 * closes and focus returns to the button). First the question and up to three FAQ answers, then the
 * conversation with an operator over the event stream, which survives reloads (the conversation's id and
 * token in localStorage) and dropped connections (resume after the last seq shown; every message once).
 */
export function ChatDialog({ launcher, privacyPolicyUrl, attachmentLimits, linked, openCount }: ChatDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const storeRef = useRef(new ChatStore(storage()));
  const transcriptRef = useRef(new ChatTranscript());
  const [session, setSession] = useState<ChatSessionRef | null>(() => {
    if (linked) {
      storeRef.current.remember(linked);
      return linked;
    }
    return storeRef.current.session();
  });
  const [phase, setPhase] = useState<Phase>(() => (session ? { kind: 'conversation' } : { kind: 'ask' }));
  const [, setVersion] = useState(0);
  const rerender = useCallback(() => setVersion((value) => value + 1), []);
  const [state, setState] = useState<ChatStateUpdate | null>(null);
  const [connection, setConnection] = useState<'connecting' | 'open' | 'lost'>('connecting');
  const [pending, setPending] = useState<ShownPending[]>(() => (session ? storeRef.current.pending() : []));
  const [error, setError] = useState<string | null>(null);
  const [outOfHours, setOutOfHours] = useState<string | null>(null);
  const [contactNeeded, setContactNeeded] = useState(false);
  const [contactDone, setContactDone] = useState(false);
  const proof = useRef<Promise<string | null> | null>(null);
  const sending = useRef(new Set<string>());
  const abort = useRef(new AbortController());

  // Open on every press of the launcher; the first render opens too.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [openCount]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onClose = () => launcher.focus();
    dialog.addEventListener('close', onClose);
    return () => dialog.removeEventListener('close', onClose);
  }, [launcher]);

  useEffect(() => () => abort.current.abort(), []);

  // Tab and Shift+Tab go round inside the dialog instead of leaving it for the browser's own controls.
  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex="0"]') ?? [])].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // The proof-of-work is solved in the background while the client types the first message.
  useEffect(() => {
    if (!session && !proof.current) proof.current = startHumanCheck(fetch, CHAT_CHALLENGE_PATH);
  }, [session]);

  // The event stream: replays everything after the last seq shown, then live.
  useEffect(() => {
    if (!session) return;
    let source: EventSource | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      if (stopped) return;
      source?.close();
      setConnection('connecting');
      source = new EventSource(chatEventsUrl(session, transcriptRef.current.lastSeq));
      source.addEventListener('open', () => setConnection('open'));
      source.addEventListener('message', (event) => {
        const message = parseMessageEvent((event as MessageEvent<string>).data);
        if (message && transcriptRef.current.add(message)) rerender();
      });
      source.addEventListener('state', (event) => {
        const update = parseStateEvent((event as MessageEvent<string>).data);
        if (!update) return;
        transcriptRef.current.seen(update.seq);
        setState(update);
        if (update.state === 'deferred') setContactNeeded(true);
      });
      source.addEventListener('error', () => {
        setConnection('lost');
        // The browser reconnects by itself (sending Last-Event-ID) unless it gave up; then a new stream
        // resumes from the last seq shown.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, 3000);
      });
    };
    const onOnline = () => {
      if (source?.readyState !== EventSource.OPEN) connect();
    };
    connect();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      clearTimeout(retry);
      window.removeEventListener('online', onOnline);
      source?.close();
    };
  }, [session, rerender]);

  const deliver = useCallback(
    (ref: ChatSessionRef, message: PendingMessage) => {
      if (sending.current.has(message.clientMessageId)) return;
      sending.current.add(message.clientMessageId);
      void sendWithRetry(ref, message, { signal: abort.current.signal }).then((outcome) => {
        sending.current.delete(message.clientMessageId);
        if (!outcome) return;
        storeRef.current.removePending(message.clientMessageId);
        if (outcome.kind === 'refused') {
          setPending((items) => items.filter((item) => item.clientMessageId !== message.clientMessageId));
          setError(outcome.message);
          return;
        }
        // Shown as sent until the stream brings it with this seq (it may be down right now).
        setPending((items) => items.map((item) => (item.clientMessageId === message.clientMessageId ? { ...item, seq: outcome.seq } : item)));
      });
    },
    [],
  );

  // Messages typed before a reload or a lost connection go again, each with its own id.
  useEffect(() => {
    if (!session) return;
    for (const message of storeRef.current.pending()) deliver(session, message);
  }, [session, deliver]);

  const close = () => dialogRef.current?.close();

  const start = async (text: string, faqDidNotHelp = false) => {
    setPhase({ kind: 'starting', text });
    setError(null);
    proof.current ??= startHumanCheck(fetch, CHAT_CHALLENGE_PATH);
    const solved = await proof.current;
    const result = await startConversation({ text, proof: solved, clientMessageId: newClientMessageId(), faqDidNotHelp });
    proof.current = null;
    if (!result.ok) {
      setError(result.message);
      setPhase({ kind: 'ask' });
      proof.current = startHumanCheck(fetch, CHAT_CHALLENGE_PATH);
      return;
    }
    const ref = { id: result.id, token: result.token };
    storeRef.current.remember(ref);
    setState({ state: result.state, position: result.position, estimatedWaitMinutes: result.estimatedWaitMinutes });
    if (result.outOfHours) {
      setOutOfHours(result.outOfHours.text);
      setContactNeeded(true);
    }
    setSession(ref);
    setPhase({ kind: 'conversation' });
  };

  const ask = async (text: string) => {
    setPhase({ kind: 'suggesting', text });
    const answers = await suggestAnswers(text);
    if (answers.length > 0) setPhase({ kind: 'faq', text, answers });
    else await start(text);
  };

  const send = (text: string) => {
    if (!session) return;
    const message = { clientMessageId: newClientMessageId(), text };
    storeRef.current.addPending(message);
    setPending((items) => [...items, message]);
    deliver(session, message);
  };

  const newConversation = () => {
    storeRef.current.forget();
    transcriptRef.current = new ChatTranscript();
    setSession(null);
    setState(null);
    setPending([]);
    setOutOfHours(null);
    setContactNeeded(false);
    setContactDone(false);
    setError(null);
    setPhase({ kind: 'ask' });
  };

  return (
    <dialog ref={dialogRef} className="chat-dialog" aria-labelledby={TITLE_ID} aria-modal="true" onKeyDown={keepFocusInside}>
      <div className="chat-dialog__header">
        <h2 id={TITLE_ID} className="chat-dialog__title">
          Онлайн-консультант
        </h2>
        <button type="button" className="chat-dialog__close" onClick={close} aria-label="Закрыть окно чата">
          ×
        </button>
      </div>
      <div className="chat-dialog__body">
        {error && (
          <p className="chat-dialog__error" role="alert">
            {error}
          </p>
        )}
        {phase.kind === 'ask' && <AskForm onAsk={(text) => void ask(text)} />}
        {phase.kind === 'suggesting' && <p role="status">Ищем ответ в частых вопросах…</p>}
        {phase.kind === 'starting' && <p role="status">Передаём вопрос оператору…</p>}
        {phase.kind === 'faq' && (
          <FaqAnswers
            answers={phase.answers}
            onHelped={() => {
              // Counted for the reports; the thanks do not wait for it.
              void sendFaqHelped();
              setPhase({ kind: 'thanks' });
            }}
            onOperator={() => void start(phase.text, true)}
          />
        )}
        {phase.kind === 'thanks' && (
          <div className="chat-dialog__thanks">
            <p role="status" tabIndex={-1} data-autofocus>
              Спасибо! Рады, что ответ нашёлся.
            </p>
            <button type="button" className="button" onClick={close}>
              Закрыть
            </button>
          </div>
        )}
        {phase.kind === 'conversation' && session && (
          <Conversation
            session={session}
            transcript={transcriptRef.current}
            pending={pending}
            state={state}
            connection={connection}
            outOfHours={outOfHours}
            contactNeeded={contactNeeded && !contactDone}
            privacyPolicyUrl={privacyPolicyUrl}
            attachmentLimits={attachmentLimits}
            onSend={send}
            onContactDone={() => setContactDone(true)}
            onNew={newConversation}
          />
        )}
      </div>
    </dialog>
  );
}

function AskForm({ onAsk }: { onAsk: (text: string) => void }) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (value.length < 2) {
      setInvalid(true);
      return;
    }
    onAsk(value);
  };
  return (
    <form className="chat-dialog__ask" onSubmit={submit} noValidate>
      <p>Напишите ваш вопрос — сначала поищем ответ среди частых вопросов, затем подключим оператора.</p>
      <label className="label" htmlFor="chat-first-message">
        Ваш вопрос
      </label>
      {invalid && (
        <p className="error-message" id="chat-first-message-error">
          <span className="visually-hidden">Ошибка: </span>Напишите вопрос
        </p>
      )}
      <textarea
        id="chat-first-message"
        className="textarea"
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'chat-first-message-error' : undefined}
        data-autofocus
      />
      <button type="submit" className="button">
        Отправить
      </button>
    </form>
  );
}

function FaqAnswers({ answers, onHelped, onOperator }: { answers: ChatFaqAnswer[]; onHelped: () => void; onOperator: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="chat-dialog__faq" aria-labelledby="chat-faq-title">
      <h3 id="chat-faq-title" ref={heading} tabIndex={-1}>
        Возможно, ответ уже есть
      </h3>
      <ul>
        {answers.map((answer) => (
          <li key={answer.url}>
            <a href={answer.url} target="_blank" rel="noopener">
              {answer.title} (откроется в новой вкладке)
            </a>
            {answer.excerpt && <p className="hint">{answer.excerpt}</p>}
          </li>
        ))}
      </ul>
      <fieldset className="chat-dialog__helped">
        <legend>Это помогло?</legend>
        <button type="button" className="button" onClick={onHelped}>
          Да
        </button>
        <button type="button" className="button button--secondary" onClick={onOperator}>
          Нет, позвать оператора
        </button>
      </fieldset>
    </section>
  );
}

interface ConversationProps {
  session: ChatSessionRef;
  transcript: ChatTranscript;
  pending: ShownPending[];
  state: ChatStateUpdate | null;
  connection: 'connecting' | 'open' | 'lost';
  outOfHours: string | null;
  contactNeeded: boolean;
  privacyPolicyUrl: string;
  attachmentLimits: AttachmentLimits;
  onSend: (text: string) => void;
  onContactDone: () => void;
  onNew: () => void;
}

const AUTHOR_LABEL = { client: 'Вы', operator: 'Оператор', system: 'Сообщение сайта' } as const;

function Conversation(props: ConversationProps) {
  const { transcript, pending, state, connection } = props;
  const logRef = useRef<HTMLDivElement>(null);
  const count = transcript.messages.length + pending.length;
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [count]);
  const closed = state?.state === 'closed';
  return (
    <div className="chat-dialog__conversation">
      <p className="chat-dialog__state" role="status">
        {stateLine(state)}
        {connection === 'lost' && ' Связь прервалась, переподключаемся…'}
      </p>
      {/* The automatic reply, until it arrives in the log as the server's own message. */}
      {props.outOfHours && !transcript.messages.some((message) => message.author === 'system') && <p className="chat-dialog__notice">{props.outOfHours}</p>}
      {/* role=log on a wrapper: on the list itself it would hide the items' list semantics. */}
      <div className="chat-log" ref={logRef} role="log" aria-live="polite" aria-label="Переписка" tabIndex={0}>
        <ol className="chat-log__list">
        {transcript.messages.map((message) => (
          <li key={`s${message.seq}`} className={`chat-log__item chat-log__item--${message.author}`} data-seq={message.seq}>
            <span className="chat-log__meta">
              {message.author === 'operator' && message.operatorName ? `Оператор ${message.operatorName}` : AUTHOR_LABEL[message.author]}
              {message.at && `, ${formatTime(message.at)}`}
            </span>
            <span className="chat-log__text">{message.text}</span>
            {message.attachment && (
              <span className="chat-log__file">
                Файл: {message.attachment.filename}
              </span>
            )}
          </li>
        ))}
        {pending.filter((message) => message.seq === undefined || !transcript.has(message.seq)).map((message) => (
          <li key={`p${message.clientMessageId}`} className="chat-log__item chat-log__item--client chat-log__item--pending">
            <span className="chat-log__meta">{message.seq === undefined ? 'Вы, отправляется…' : 'Вы, отправлено'}</span>
            <span className="chat-log__text">{message.text}</span>
          </li>
        ))}
        </ol>
      </div>
      {props.contactNeeded && !closed && (
        <ContactForm session={props.session} privacyPolicyUrl={props.privacyPolicyUrl} onDone={props.onContactDone} />
      )}
      {closed ? (
        <Finish session={props.session} onNew={props.onNew} />
      ) : (
        <>
          <Composer onSend={props.onSend} />
          <AttachmentPicker session={props.session} limits={props.attachmentLimits} />
        </>
      )}
    </div>
  );
}

function Composer({ onSend }: { onSend: (text: string) => void }) {
  const [text, setText] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const value = text.trim();
    if (value === '') return;
    onSend(value);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };
  return (
    <form className="chat-composer" onSubmit={submit} noValidate>
      <label className="label" htmlFor="chat-message">
        Сообщение
      </label>
      <p className="hint" id="chat-message-hint">
        Enter — отправить, Shift+Enter — новая строка.
      </p>
      <div className="chat-composer__row">
        <textarea
          id="chat-message"
          className="textarea"
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="chat-message-hint"
          data-autofocus
        />
        <button type="submit" className="button">
          Отправить
        </button>
      </div>
    </form>
  );
}

function ContactForm({ session, privacyPolicyUrl, onDone }: { session: ChatSessionRef; privacyPolicyUrl: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (name.trim() === '') local.name = 'Укажите, как к вам обращаться';
    if (contact.trim() === '') local.contact = 'Укажите e-mail или телефон';
    if (!consent) local.consent = 'Без согласия на обработку данных мы не сможем ответить вам';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = await sendContact(session, { name: name.trim(), contact: contact.trim(), consent });
    setBusy(false);
    if (result.ok) onDone();
    else setErrors(result.fieldErrors ?? { form: result.message });
  };
  const describe = (key: string) => (errors[key] ? `chat-contact-${key}-error` : undefined);
  const errorLine = (key: string) =>
    errors[key] && (
      <p className="error-message" id={`chat-contact-${key}-error`}>
        <span className="visually-hidden">Ошибка: </span>
        {errors[key]}
      </p>
    );
  return (
    <form className="chat-contact" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="chat-contact-title">
      <h3 id="chat-contact-title">Как с вами связаться</h3>
      <p>Оператор ответит позже: оставьте имя и e-mail или телефон — пришлём ссылку на этот разговор.</p>
      {errorLine('form')}
      <div className={errors.name ? 'field field--error' : 'field'}>
        <label className="label" htmlFor="chat-contact-name">Имя</label>
        {errorLine('name')}
        <input id="chat-contact-name" className="input" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} aria-invalid={errors.name ? true : undefined} aria-describedby={describe('name')} />
      </div>
      <div className={errors.contact ? 'field field--error' : 'field'}>
        <label className="label" htmlFor="chat-contact-contact">E-mail или телефон</label>
        {errorLine('contact')}
        <input id="chat-contact-contact" className="input" autoComplete="email" value={contact} onChange={(event) => setContact(event.target.value)} aria-invalid={errors.contact ? true : undefined} aria-describedby={describe('contact')} />
      </div>
      <div className={errors.consent ? 'field field--error' : 'field'}>
        {errorLine('consent')}
        <div className="checkbox">
          <input id="chat-contact-consent" type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} aria-invalid={errors.consent ? true : undefined} aria-describedby={['chat-contact-consent-hint', describe('consent')].filter(Boolean).join(' ')} />
          <label htmlFor="chat-contact-consent">
            <ConsentLabel privacyPolicyUrl={privacyPolicyUrl} />
          </label>
        </div>
        <p className="hint" id="chat-contact-consent-hint">{CONSENT_HINT}</p>
      </div>
      <button type="submit" className="button" disabled={busy}>
        Сохранить контакты
      </button>
    </form>
  );
}

function AttachmentPicker({ session, limits }: { session: ChatSessionRef; limits: AttachmentLimits }) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onChange = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    // The same check as the complaint form's attachments: type by the first bytes, the size limit. Loaded
    // only now: its module brings zod, which most pages never need.
    const { checkAttachments } = await import('@portal/core/attachments');
    const checked = checkAttachments([{ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }], { ...limits, maxFiles: 1 });
    if (!checked.ok) {
      setMessage(checked.message);
      if (input.current) input.current.value = '';
      return;
    }
    setBusy(true);
    setMessage('Отправляем файл…');
    const result = await sendAttachment(session, file, newClientMessageId());
    setBusy(false);
    setMessage(result.ok ? 'Файл отправлен.' : result.message);
    if (input.current) input.current.value = '';
  };
  return (
    <div className="chat-attach field">
      <label className="label" htmlFor="chat-file">
        Приложить файл
      </label>
      <p className="hint" id="chat-file-hint">
        JPG, PNG или PDF, не больше {limits.maxFileMb} МБ
      </p>
      <input
        id="chat-file"
        ref={input}
        className="file-input"
        type="file"
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        aria-describedby={message ? 'chat-file-hint chat-file-status' : 'chat-file-hint'}
        disabled={busy}
        onChange={() => void onChange()}
      />
      <p id="chat-file-status" role="status" className="hint">
        {message}
      </p>
    </div>
  );
}

function Finish({ session, onNew }: { session: ChatSessionRef; onNew: () => void }) {
  const [rating, setRating] = useState<number | null>(null);
  const [rated, setRated] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const rate = async (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setRated('Выберите оценку от 1 до 5');
      return;
    }
    const result = await sendRating(session, rating);
    setRated(result.ok ? 'Спасибо за оценку!' : result.message);
  };
  const transcript = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setSent('Укажите e-mail, например ivanova@example.ru');
      return;
    }
    const result = await requestTranscript(session, email.trim());
    setSent(result.ok ? 'Переписка отправлена на ваш e-mail.' : result.message);
  };
  return (
    <div className="chat-finish">
      <form onSubmit={(event) => void rate(event)} noValidate>
        <fieldset className="chat-finish__rating">
          <legend>Оцените консультацию: 1 — плохо, 5 — отлично</legend>
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="chat-finish__star">
              <input type="radio" name="chat-rating" value={value} checked={rating === value} onChange={() => setRating(value)} />
              {value}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Оценить
        </button>
        <p role="status" className="hint">{rated}</p>
      </form>
      <form onSubmit={(event) => void transcript(event)} noValidate>
        <label className="label" htmlFor="chat-transcript-email">
          E-mail для переписки
        </label>
        <input id="chat-transcript-email" className="input" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        <button type="submit" className="button button--secondary">
          Прислать переписку на e-mail
        </button>
        <p role="status" className="hint">{sent}</p>
      </form>
      <button type="button" className="button button--secondary" onClick={onNew}>
        Начать новый разговор
      </button>
    </div>
  );
}
