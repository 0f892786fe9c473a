'use client';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { APPEAL_TYPE_LABELS } from '@portal/core/appeal-type';
import { STAFF_APPEAL_TYPES } from '@portal/core/staff-appeal';

/** The console's view of /api/chat-console/state (cms/src/chat-console/console.ts, loadConsoleState). */
interface ConsoleState {
  now: string;
  timeZone: string;
  me: { id: number | string; name: string; presence: Presence; limit: number; hours: string | null } | null;
  active: number;
  queue: { id: number | string; name: string | null; preview: string; waitingSince: string; returned: boolean; deferredUntil: string | null; group: string | null; outOfHours: boolean }[];
  mine: { id: number | string; state: string; name: string | null; contact: string | null; deferredUntil: string | null; lastSeq: number; appeal: string | null; topic: string | null }[];
  colleagues: { id: number | string; name: string; presence: Presence }[];
  groups: string[];
  topics: { id: number | string; title: string; slug: string }[];
  templates: { id: number | string; title: string; text: string; topic: string | null }[];
  defaultDeferral: string;
  nowLocal: string;
}
type Presence = 'online' | 'away' | 'offline';
interface Message {
  seq: number;
  kind?: string | null;
  author: string;
  operatorName?: string | null;
  text?: string | null;
  createdAt: string;
}
interface Notice {
  kind: 'error' | 'done';
  text: string;
}

const PRESENCE_LABELS: Record<Presence, string> = { online: 'В сети', away: 'Отошёл', offline: 'Не в сети' };
const AUTHOR_LABELS: Record<string, string> = { client: 'Клиент', operator: 'Оператор', system: 'Система' };
/** The slow poll, only while the live stream (Server-Sent Events) is down. */
const FALLBACK_POLL_MS = 20_000;
/** After the browser gave up on the stream (it was refused), a new one is tried this much later. */
const STREAM_RETRY_MS = 30_000;
/** Queue and state events arriving together reload the lists once. */
const REFRESH_DEBOUNCE_MS = 300;
const HEARTBEAT_MS = 30_000;

/** «5 мин», «1 ч 10 мин» of a wait in seconds. */
function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) return 'меньше минуты';
  if (minutes < 60) return `${minutes} мин`;
  return `${Math.floor(minutes / 60)} ч ${minutes % 60} мин`;
}

async function call<T>(path: string, body?: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string; errors?: Record<string, string> }> {
  try {
    const response = await fetch(`/api/chat-console${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      credentials: 'include',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const data = (await response.json().catch(() => ({}))) as T & { message?: string; errors?: Record<string, string> };
    if (!response.ok) return { ok: false, message: data.message ?? 'Не получилось. Пожалуйста, попробуйте ещё раз.', errors: data.errors };
    return { ok: true, data };
  } catch {
    return { ok: false, message: 'Нет связи с сервером. Пожалуйста, попробуйте ещё раз.' };
  }
}

/**
 * The operators' console: presence, the waiting queue with live waiting times and «Принять», the operator's open
 * conversations (up to their limit) as tabs, and the selected conversation's history, reply box (Enter or Ctrl+Enter
 * sends, Shift+Enter starts a new line), canned replies, FAQ links, transfer, deferral, closing and «Оформить обращение».
 * Live by Server-Sent Events (`/api/chat-console/events`): new messages of the operator's conversations arrive as they
 * are stored, and a change of the queue reloads the lists; only while that stream is down does the console poll
 * (every 20 s) and say so.
 */
export function ChatConsole({ canRegister, initialConversation }: { canRegister: boolean; initialConversation: string | null }) {
  const [state, setState] = useState<ConsoleState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(initialConversation);
  const [messages, setMessages] = useState<Record<string, Message[]>>({});
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [clockSkew, setClockSkew] = useState(0);
  const [tick, setTick] = useState(0);
  const [faq, setFaq] = useState<{ title: string; url: string }[] | null>(null);
  const [live, setLive] = useState(true);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const presence = state?.me?.presence ?? 'offline';
  const presenceRef = useRef<Presence>('offline');
  presenceRef.current = presence;

  const refresh = useCallback(async () => {
    const result = await call<ConsoleState>('/state');
    if (!result.ok) {
      setLoadError(result.message);
      return;
    }
    setLoadError(null);
    setState(result.data);
    setClockSkew(Date.parse(result.data.now) - Date.now());
  }, []);

  const messagesRef = useRef(messages);
  messagesRef.current = messages;
  const loadMessages = useCallback(async (id: string) => {
    const known = messagesRef.current[id] ?? [];
    const after = known.length > 0 ? known[known.length - 1]!.seq : 0;
    const result = await call<{ messages: Message[] }>(`/conversations/${encodeURIComponent(id)}/messages?after=${after}`);
    if (!result.ok || result.data.messages.length === 0) return;
    setMessages((current) => {
      const have = current[id] ?? [];
      const seen = new Set(have.map((message) => message.seq));
      return { ...current, [id]: [...have, ...result.data.messages.filter((message) => !seen.has(message.seq))].sort((a, b) => a.seq - b.seq) };
    });
  }, []);

  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    void refresh();
    const clock = window.setInterval(() => setTick((value) => value + 1), 1000);
    return () => window.clearInterval(clock);
  }, [refresh]);

  useEffect(() => {
    if (selected) void loadMessages(selected);
  }, [selected, loadMessages]);

  // The live stream: messages of the operator's conversations, and queue changes (which reload the lists).
  useEffect(() => {
    let source: EventSource | null = null;
    let fallback: number | null = null;
    let retry: number | null = null;
    let debounce: number | null = null;
    const refreshSoon = () => {
      if (debounce !== null) return;
      debounce = window.setTimeout(() => {
        debounce = null;
        void refresh();
      }, REFRESH_DEBOUNCE_MS);
    };
    const poll = () => {
      void refresh();
      if (selectedRef.current) void loadMessages(selectedRef.current);
    };
    const startFallback = () => {
      setLive(false);
      if (fallback === null) fallback = window.setInterval(poll, FALLBACK_POLL_MS);
    };
    const stopFallback = () => {
      setLive(true);
      if (fallback !== null) window.clearInterval(fallback);
      fallback = null;
    };
    const onMessage = (event: MessageEvent<string>) => {
      let data: { conversationId?: string; seq?: number; author?: string; operatorName?: string; text?: string; at?: string };
      try {
        data = JSON.parse(event.data) as typeof data;
      } catch {
        return;
      }
      const id = data.conversationId;
      if (!id || typeof data.seq !== 'number') return;
      const message: Message = { seq: data.seq, kind: 'message', author: data.author ?? 'system', operatorName: data.operatorName ?? null, text: data.text ?? null, createdAt: data.at ?? new Date().toISOString() };
      setMessages((current) => {
        const have = current[id] ?? [];
        if (have.some((known) => known.seq === message.seq)) return current;
        return { ...current, [id]: [...have, message].sort((a, b) => a.seq - b.seq) };
      });
    };
    const connect = () => {
      retry = null;
      source = new EventSource('/api/chat-console/events', { withCredentials: true });
      source.addEventListener('open', () => {
        // Whatever changed while the stream was down.
        if (fallback !== null) poll();
        stopFallback();
      });
      source.addEventListener('message', onMessage);
      source.addEventListener('state', refreshSoon);
      source.addEventListener('queue', refreshSoon);
      source.addEventListener('error', () => {
        startFallback();
        // The browser reconnects by itself after a dropped connection; a refused one (signed out, no access) it
        // abandons, and a new stream is tried later.
        if (source?.readyState === EventSource.CLOSED && retry === null) {
          source.close();
          retry = window.setTimeout(connect, STREAM_RETRY_MS);
        }
      });
    };
    connect();
    return () => {
      source?.close();
      for (const timer of [fallback, retry]) if (timer !== null) window.clearInterval(timer);
      if (debounce !== null) window.clearTimeout(debounce);
    };
  }, [refresh, loadMessages]);

  // Heartbeat: the server turns an operator offline two minutes after the console was last heard (closed tab, lost session).
  useEffect(() => {
    const beat = () => {
      if (presenceRef.current !== 'offline') void call('/presence', { presence: presenceRef.current });
    };
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => window.clearInterval(timer);
  }, []);

  // Keep the selection in the URL (?c=…): a reload or «back» returns to the same conversation.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (selected) url.searchParams.set('c', selected);
    else url.searchParams.delete('c');
    window.history.replaceState(null, '', url);
  }, [selected]);

  const act = async (path: string, body: unknown, done: string): Promise<boolean> => {
    const result = await call(path, body);
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.message });
      return false;
    }
    setNotice({ kind: 'done', text: done });
    await refresh();
    return true;
  };

  const setPresence = async (value: Presence) => {
    await act('/presence', { presence: value }, `Статус: ${PRESENCE_LABELS[value].toLowerCase()}.`);
  };

  const accept = async (id: string) => {
    if (await act(`/conversations/${encodeURIComponent(id)}/accept`, {}, 'Диалог принят.')) {
      setSelected(id);
      window.setTimeout(() => replyRef.current?.focus(), 0);
    }
  };

  const send = async () => {
    if (!selected || !draft.trim()) return;
    const result = await call(`/conversations/${encodeURIComponent(selected)}/messages`, { text: draft });
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.message });
      return;
    }
    setDraft('');
    setNotice(null);
    await loadMessages(selected);
  };

  const onReplyKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const insert = (text: string) => {
    setDraft((current) => (current.trim() ? `${current.trimEnd()}\n${text}` : text));
    replyRef.current?.focus();
  };

  const searchFaq = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '');
    const result = await call<{ answers: { title: string; url: string }[] }>(`/faq?q=${encodeURIComponent(q)}`);
    if (!result.ok) setNotice({ kind: 'error', text: result.message });
    else setFaq(result.data.answers);
  };

  const formAction = (path: string, done: string, after?: () => void) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return;
    const body = Object.fromEntries(new FormData(event.currentTarget).entries());
    if (await act(`/conversations/${encodeURIComponent(selected)}${path}`, body, done)) after?.();
  };

  if (!state) {
    return <p role={loadError ? 'alert' : 'status'}>{loadError ?? 'Загружаем консоль…'}</p>;
  }
  void tick;
  const now = Date.now() + clockSkew;
  const current = state.mine.find((conversation) => String(conversation.id) === selected) ?? null;
  const log = selected ? (messages[selected] ?? []) : [];
  const zone = state.timeZone === 'Europe/Moscow' ? 'МСК' : state.timeZone;
  const when = (iso: string) => new Date(iso).toLocaleString('ru-RU', { timeZone: state.timeZone, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const clock = (iso: string) => new Date(iso).toLocaleTimeString('ru-RU', { timeZone: state.timeZone, hour: '2-digit', minute: '2-digit' });
  const templates = [...state.templates].sort((a, b) => Number(b.topic !== null && b.topic === current?.topic) - Number(a.topic !== null && a.topic === current?.topic));
  const full = state.me ? state.active >= state.me.limit : false;

  return (
    <div className="portal-chat-console">
      <div className="portal-chat-console__bar">
        <label htmlFor="chat-presence">Мой статус</label>
        <select id="chat-presence" value={presence} onChange={(event) => void setPresence(event.target.value as Presence)}>
          {(Object.keys(PRESENCE_LABELS) as Presence[]).map((value) => (
            <option key={value} value={value}>{PRESENCE_LABELS[value]}</option>
          ))}
        </select>
        <span>
          Открыто диалогов: {state.active} из {state.me?.limit ?? 3}
          {state.me?.hours ? `; часы работы в чате: ${state.me.hours} ${zone}` : ''}
        </span>
        {loadError ? <span role="alert">{loadError}</span> : null}
        {live ? null : <span role="status">Нет постоянной связи с сервером: новые сообщения и очередь обновляются раз в 20 секунд.</span>}
      </div>
      {notice ? (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`portal-chat-console__notice portal-chat-console__notice--${notice.kind}`}>
          {notice.text}
        </p>
      ) : null}
      <div className="portal-chat-console__grid">
        <section aria-labelledby="chat-queue-title" className="portal-chat-console__queue">
          <h2 id="chat-queue-title">Очередь ({state.queue.length})</h2>
          {state.queue.length === 0 ? <p>Никто не ждёт.</p> : null}
          <ol>
            {state.queue.map((entry) => (
              <li key={entry.id} className={entry.returned ? 'portal-chat-console__returned' : undefined}>
                <p>
                  <strong>{entry.name ?? `Диалог № ${entry.id}`}</strong> — ждёт {waitText(Math.max(0, Math.floor((now - Date.parse(entry.waitingSince)) / 1000)))}
                  {entry.returned && entry.deferredUntil ? <><br />Отложен до {when(entry.deferredUntil)} {zone}: пора вернуться</> : null}
                  {entry.outOfHours ? <><br />Написал в нерабочее время</> : null}
                  {entry.group ? <><br />Группа: {entry.group}</> : null}
                </p>
                {entry.preview ? <p className="portal-chat-console__preview">{entry.preview}</p> : null}
                <button type="button" className="btn btn--style-primary btn--size-small" disabled={full} aria-describedby={full ? 'chat-limit-note' : undefined} onClick={() => void accept(String(entry.id))}>
                  Принять
                </button>
              </li>
            ))}
          </ol>
          {full ? <p id="chat-limit-note">Вы ведёте столько диалогов, сколько разрешено. Завершите или отложите один, чтобы принять новый.</p> : null}
          <h2>Коллеги</h2>
          {state.colleagues.length === 0 ? <p>Других операторов нет.</p> : null}
          <ul>
            {state.colleagues.map((colleague) => (
              <li key={colleague.id}>{colleague.name}: {PRESENCE_LABELS[colleague.presence].toLowerCase()}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="chat-mine-title" className="portal-chat-console__work">
          <h2 id="chat-mine-title">Мои диалоги</h2>
          {state.mine.length === 0 ? <p>У вас нет открытых диалогов. Примите диалог из очереди.</p> : null}
          <div role="tablist" aria-label="Мои диалоги" className="portal-chat-console__tabs">
            {state.mine.map((conversation) => (
              <button
                key={conversation.id}
                type="button"
                role="tab"
                aria-selected={String(conversation.id) === selected}
                className={String(conversation.id) === selected ? 'btn btn--style-primary btn--size-small' : 'btn btn--style-secondary btn--size-small'}
                onClick={() => setSelected(String(conversation.id))}
              >
                {conversation.name ?? `№ ${conversation.id}`}
                {conversation.state === 'deferred' ? ' (отложен)' : ''}
              </button>
            ))}
          </div>
          {current ? (
            <div role="tabpanel" aria-label={`Диалог ${current.name ?? `№ ${current.id}`}`}>
              <p>
                Диалог № {current.id}
                {current.name ? `, ${current.name}` : ''}
                {current.contact ? `, ${current.contact}` : ', контакт не указан'}
                {current.state === 'deferred' && current.deferredUntil ? `. Отложен до ${when(current.deferredUntil)} ${zone}` : ''}
                {current.appeal ? <>. <a href={`/admin/collections/appeals/${current.appeal}`}>Обращение оформлено</a></> : ''}
              </p>
              <ol className="portal-chat-console__log" role="log" aria-live="polite" aria-label="Переписка">
                {log
                  .filter((message) => message.text)
                  .map((message) => (
                    <li key={message.seq} className={`portal-chat-console__message portal-chat-console__message--${message.author}`}>
                      <span className="portal-chat-console__meta">
                        {message.author === 'operator' && message.operatorName ? message.operatorName : (AUTHOR_LABELS[message.author] ?? message.author)}, {clock(message.createdAt)}
                      </span>
                      <span className="portal-chat-console__text">{message.text}</span>
                    </li>
                  ))}
              </ol>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  void send();
                }}
              >
                <label htmlFor="chat-reply">Ответ клиенту</label>
                <p id="chat-reply-hint" className="field-description">Enter или Ctrl+Enter — отправить, Shift+Enter — новая строка.</p>
                <textarea id="chat-reply" ref={replyRef} rows={3} maxLength={2000} value={draft} aria-describedby="chat-reply-hint" onChange={(event) => setDraft(event.target.value)} onKeyDown={onReplyKey} />
                <button type="submit" className="btn btn--style-primary btn--size-small" disabled={!draft.trim()}>Отправить</button>
              </form>
              <details>
                <summary>Шаблоны ответов ({templates.length})</summary>
                {templates.length === 0 ? <p>Шаблонов пока нет: их ведут редакторы в разделе «Шаблоны ответов в чате».</p> : null}
                <ul className="portal-chat-console__templates">
                  {templates.map((template) => (
                    <li key={template.id}>
                      <button type="button" className="btn btn--style-secondary btn--size-small" title={template.text} onClick={() => insert(template.text)}>
                        {template.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
              <details>
                <summary>Ссылка на ответ из базы знаний</summary>
                <form onSubmit={(event) => void searchFaq(event)} role="search">
                  <label htmlFor="chat-faq-q">Найти ответ</label>
                  <input id="chat-faq-q" name="q" type="search" maxLength={200} />
                  <button type="submit" className="btn btn--style-secondary btn--size-small">Найти</button>
                </form>
                {faq ? (
                  faq.length === 0 ? (
                    <p>Ничего не найдено.</p>
                  ) : (
                    <ul>
                      {faq.map((answer) => (
                        <li key={answer.url}>
                          <a href={answer.url} target="_blank" rel="noreferrer">{answer.title}</a>{' '}
                          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => insert(`${answer.title}: ${answer.url}`)}>
                            Вставить ссылку
                          </button>
                        </li>
                      ))}
                    </ul>
                  )
                ) : null}
              </details>
              <details>
                <summary>Передать коллеге или группе</summary>
                <form onSubmit={(event) => void formAction('/transfer', 'Диалог передан.', () => setSelected(null))(event)}>
                  <label htmlFor="chat-transfer-user">Коллеге</label>
                  <select id="chat-transfer-user" name="toUserId" defaultValue="">
                    <option value="">—</option>
                    {state.colleagues.map((colleague) => (
                      <option key={colleague.id} value={String(colleague.id)}>{colleague.name} ({PRESENCE_LABELS[colleague.presence].toLowerCase()})</option>
                    ))}
                  </select>
                  <label htmlFor="chat-transfer-group">или группе</label>
                  <select id="chat-transfer-group" name="toGroup" defaultValue="">
                    <option value="">—</option>
                    {state.groups.map((group) => (
                      <option key={group} value={group}>{group}</option>
                    ))}
                  </select>
                  <button type="submit" className="btn btn--style-secondary btn--size-small">Передать</button>
                </form>
              </details>
              <details>
                <summary>Отложить до …</summary>
                <form onSubmit={(event) => void formAction('/defer', 'Диалог отложен, клиенту отправлено время, когда с ним свяжутся.')(event)}>
                  <label htmlFor="chat-defer-until">Дата и время ({zone})</label>
                  <p id="chat-defer-hint" className="field-description">По умолчанию — начало следующего рабочего дня. Клиент получит это время сообщением.</p>
                  <input id="chat-defer-until" name="until" type="datetime-local" required defaultValue={state.defaultDeferral} min={state.nowLocal} aria-describedby="chat-defer-hint" />
                  <button type="submit" className="btn btn--style-secondary btn--size-small">Отложить</button>
                </form>
              </details>
              <details>
                <summary>Завершить диалог</summary>
                <form onSubmit={(event) => void formAction('/close', 'Диалог завершён.', () => setSelected(null))(event)}>
                  {canRegister && !current.appeal ? <p>Если вопрос требует ответа позже, сначала оформите обращение.</p> : null}
                  <label htmlFor="chat-close-topic">Тема по классификатору</label>
                  <select id="chat-close-topic" name="topic" required defaultValue={current.topic ?? ''}>
                    <option value="">Выберите тему</option>
                    {state.topics.map((topic) => (
                      <option key={topic.id} value={String(topic.id)}>{topic.title}</option>
                    ))}
                  </select>
                  <button type="submit" className="btn btn--style-secondary btn--size-small">Завершить</button>
                </form>
              </details>
              {canRegister && !current.appeal ? (
                <details>
                  <summary>Оформить обращение</summary>
                  <form onSubmit={(event) => void formAction('/appeal', 'Обращение зарегистрировано, номер и срок отправлены клиенту.')(event)}>
                    <p>Переписка станет текстом обращения с каналом «чат»; клиент получит номер и срок ответа.</p>
                    <label htmlFor="chat-appeal-type">Вид обращения</label>
                    <select id="chat-appeal-type" name="type" required defaultValue="question">
                      {STAFF_APPEAL_TYPES.map((type) => (
                        <option key={type} value={type}>{APPEAL_TYPE_LABELS[type]}</option>
                      ))}
                    </select>
                    <label htmlFor="chat-appeal-topic">Тема</label>
                    <select id="chat-appeal-topic" name="topic" required defaultValue="">
                      <option value="">Выберите тему</option>
                      {state.topics.map((topic) => (
                        <option key={topic.id} value={topic.slug}>{topic.title}</option>
                      ))}
                    </select>
                    {current.name ? null : (
                      <>
                        <label htmlFor="chat-appeal-name">Заявитель (ФИО или организация)</label>
                        <input id="chat-appeal-name" name="name" required maxLength={200} />
                      </>
                    )}
                    <label htmlFor="chat-appeal-consent">Согласие на обработку персональных данных</label>
                    <select id="chat-appeal-consent" name="consent" defaultValue="written">
                      <option value="written">Дано в чате (письменно)</option>
                      <option value="oral">Дано устно</option>
                    </select>
                    <button type="submit" className="btn btn--style-primary btn--size-small">Зарегистрировать обращение</button>
                  </form>
                </details>
              ) : null}
            </div>
          ) : state.mine.length > 0 ? (
            <p>Выберите диалог.</p>
          ) : null}
        </section>
      </div>
    </div>
  );
}
