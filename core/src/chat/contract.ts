import { z } from 'zod';

/**
 * The chat contract («Онлайн ЦОК», issue 19): what the public chat endpoints accept and answer, and the events of a
 * conversation's stream. Typed once here, so the CMS service, the public server, the site's chat island and the
 * operators' console cannot drift apart. Nothing here knows HTTP frameworks or Payload.
 *
 * Public endpoints (through the public server; rate-limited like the forms):
 * - `POST /api/chat/suggest` {@link SuggestRequestSchema} → 200 {@link SuggestAnswer}
 * - `POST /api/chat/faq-feedback` {@link FaqFeedbackSchema} → 204 (the client's «Да» on the answers offered; counted)
 * - `POST /api/chat/conversations` {@link StartConversationSchema} → 201 {@link StartedConversation}
 * - `POST /api/chat/conversations/:id/messages` (header {@link CHAT_TOKEN_HEADER}) {@link ClientMessageSchema} → 201 {@link PostedMessage}
 * - `GET /api/chat/conversations/:id/events?token=…[&after=<seq>]` (or header `Last-Event-ID`) → `text/event-stream`
 * - `POST /api/chat/conversations/:id/contact` {@link ContactSchema} → 200 {@link ChatOk}
 * - `POST /api/chat/conversations/:id/rating` {@link RatingSchema} → 200 {@link ChatOk}
 * - `POST /api/chat/conversations/:id/transcript` {@link TranscriptSchema} → 202 {@link ChatOk}
 * - `POST /api/chat/conversations/:id/attachments` multipart: `file` (jpg/png/pdf), `clientMessageId` → 201 {@link PostedMessage}
 * - `GET /api/chat/challenge` → the proof-of-work challenge (the same as `GET /api/forms/challenge`)
 *
 * Every endpoint but `suggest`, `conversations` and `challenge` needs the conversation's token, in the
 * {@link CHAT_TOKEN_HEADER} header (or `?token=` for the event stream, which `EventSource` cannot give headers).
 * A 4xx answers {@link ChatError}: a Russian `message` for people, and per-field messages when a body was invalid.
 */

/** Paths under the public origin (and the CMS, which serves them). */
export const CHAT_PATHS = {
  challenge: '/api/chat/challenge',
  suggest: '/api/chat/suggest',
  conversations: '/api/chat/conversations',
  messages: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/messages`,
  events: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/events`,
  contact: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/contact`,
  rating: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/rating`,
  transcript: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/transcript`,
  attachments: (id: string | number) => `/api/chat/conversations/${encodeURIComponent(String(id))}/attachments`,
} as const;

/** Header carrying the conversation's private token on client requests. */
export const CHAT_TOKEN_HEADER = 'X-Chat-Token';

/** The private page of a conversation: `SITE_URL/chat/?c=<id>#t=<token>` (the token in the fragment never reaches a server log). */
export const CHAT_PAGE_PATH = '/chat/';

/** Builds the private link of a conversation. */
export function chatLink(siteUrl: string, id: string | number, token: string): string {
  return `${siteUrl.replace(/\/$/, '')}${CHAT_PAGE_PATH}?c=${encodeURIComponent(String(id))}#t=${encodeURIComponent(token)}`;
}

/** Heartbeat comment of the event stream, in milliseconds. */
export const CHAT_HEARTBEAT_MS = 15_000;

/** Longest message text. */
export const CHAT_MESSAGE_MAX = 2_000;

/** Most FAQ answers offered before the queue. */
export const CHAT_MAX_FAQ_ANSWERS = 3;

/**
 * States of a conversation. A conversation exists only once the client asks for an operator: the FAQ answers offered
 * before that are stateless (`/api/chat/suggest`, then `/api/chat/faq-feedback` for «Да»), so there is no `bot` state.
 */
export const CHAT_STATES = ['queued', 'active', 'deferred', 'closed'] as const;
export type ChatState = (typeof CHAT_STATES)[number];

export const CHAT_STATE_LABELS: Record<ChatState, string> = {
  queued: 'В очереди',
  active: 'Идёт разговор',
  deferred: 'Отложено',
  closed: 'Завершено',
};

/** Who wrote a message. */
export const CHAT_AUTHORS = ['client', 'operator', 'system'] as const;
export type ChatAuthor = (typeof CHAT_AUTHORS)[number];

export const CHAT_AUTHOR_LABELS: Record<ChatAuthor, string> = { client: 'Клиент', operator: 'Оператор', system: 'Система' };

/** Russian messages of the chat endpoints. */
export const CHAT_MESSAGES = {
  textRequired: 'Пожалуйста, напишите сообщение',
  textTooLong: `Сообщение слишком длинное: не больше ${CHAT_MESSAGE_MAX} символов. Пожалуйста, разделите его на несколько`,
  clientMessageId: 'Не удалось отправить сообщение. Пожалуйста, обновите страницу и попробуйте ещё раз',
  notFound: 'Разговор не найден. Возможно, ссылка устарела',
  badToken: 'Ссылка на разговор неверна или устарела',
  closed: 'Разговор завершён. Чтобы задать новый вопрос, пожалуйста, начните новый разговор',
  notClosed: 'Оценку можно поставить после завершения разговора',
  rating: 'Пожалуйста, выберите оценку от 1 до 5',
  ratedAlready: 'Спасибо, оценка уже получена',
  email: 'Пожалуйста, укажите адрес электронной почты, например ivanov@example.ru',
  contactRequired: 'Пожалуйста, укажите телефон или адрес электронной почты, чтобы мы могли с вами связаться',
  nameRequired: 'Пожалуйста, укажите, как к вам обращаться',
  nameTooLong: 'Имя слишком длинное: не больше 100 символов',
  consent: 'Пожалуйста, подтвердите согласие на обработку персональных данных',
  body: 'Запрос не удалось прочитать. Пожалуйста, обновите страницу и попробуйте ещё раз',
  tooMany: 'Слишком много сообщений подряд. Пожалуйста, подождите немного и попробуйте ещё раз',
  unavailable: 'Чат временно недоступен. Пожалуйста, попробуйте через несколько минут или задайте вопрос через форму обращения',
  file: 'Пожалуйста, выберите файл JPG, PNG или PDF',
  transcriptLimit: 'Переписка уже отправлена несколько раз. Если письмо не пришло, пожалуйста, проверьте папку «Спам»',
} as const;

/** A client-made message id: the retry key of a message (1–100 characters: letters, digits, `-`, `_`, `.`, `:`). */
export const ClientMessageIdSchema = z
  .string({ error: CHAT_MESSAGES.clientMessageId })
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, { error: CHAT_MESSAGES.clientMessageId });

/** Message text: 1–2000 characters after trimming. */
export const ChatTextSchema = z
  .string({ error: CHAT_MESSAGES.textRequired })
  .trim()
  .min(1, { error: CHAT_MESSAGES.textRequired })
  .max(CHAT_MESSAGE_MAX, { error: CHAT_MESSAGES.textTooLong });

/** How the client may be reached: an e-mail address or a phone number (free text, checked loosely). */
export const ChatContactValueSchema = z
  .string({ error: CHAT_MESSAGES.contactRequired })
  .trim()
  .min(5, { error: CHAT_MESSAGES.contactRequired })
  .max(254, { error: CHAT_MESSAGES.contactRequired })
  .refine((value) => isEmailLike(value) || isPhoneLike(value), { error: CHAT_MESSAGES.contactRequired });

export const ChatNameSchema = z
  .string({ error: CHAT_MESSAGES.nameRequired })
  .trim()
  .min(1, { error: CHAT_MESSAGES.nameRequired })
  .max(100, { error: CHAT_MESSAGES.nameTooLong });

export const ChatConsentSchema = z.literal(true, { error: CHAT_MESSAGES.consent });

/** True for something shaped like an e-mail address. */
export function isEmailLike(value: string): boolean {
  return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(value);
}

/** True for something shaped like a phone number (10–15 digits, the usual separators). */
export function isPhoneLike(value: string): boolean {
  if (!/^[+\d\s()-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

/** `POST /api/chat/suggest`. */
export const SuggestRequestSchema = z.object({ text: ChatTextSchema });
export type SuggestRequest = z.output<typeof SuggestRequestSchema>;

/**
 * `POST /api/chat/faq-feedback`: «Это помогло? — Да» on the FAQ answers offered for the first message. Counted per
 * day (`chat-faq-helped@YYYY-MM-DD`); «Нет, позвать оператора» is the start with `helpedByFaq: false` instead.
 */
export const FaqFeedbackSchema = z.object({ helped: z.literal(true) });
export type FaqFeedback = z.output<typeof FaqFeedbackSchema>;

export interface FaqAnswer {
  title: string;
  /** Site path of the FAQ entry, e.g. `/faq/kak-peredat-pokazaniya/`. */
  url: string;
  /** A short plain-text excerpt of the answer. */
  excerpt: string;
}

export interface SuggestAnswer {
  answers: FaqAnswer[];
}

/**
 * `POST /api/chat/conversations`: the first message starts the conversation and puts it in the queue. Name,
 * contact and consent may come now or later (`/contact`); when a contact is given, consent must be given too.
 * `helpedByFaq: false` records that FAQ answers were offered and did not help (counted for the reports).
 */
export const StartConversationSchema = z
  .object({
    text: ChatTextSchema,
    name: ChatNameSchema.optional(),
    contact: ChatContactValueSchema.optional(),
    consent: z.boolean({ error: CHAT_MESSAGES.consent }).optional(),
    /** The proof-of-work solution (the same encoding as the forms' `altcha` field). */
    proof: z.string({ error: CHAT_MESSAGES.body }).max(4_000, { error: CHAT_MESSAGES.body }).optional(),
    clientMessageId: ClientMessageIdSchema,
    helpedByFaq: z.literal(false).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.contact !== undefined || value.name !== undefined) && value.consent !== true) {
      ctx.addIssue({ code: 'custom', path: ['consent'], message: CHAT_MESSAGES.consent });
    }
  });
export type StartConversation = z.output<typeof StartConversationSchema>;

/** When work starts, for a conversation begun out of hours. */
export interface OutOfHours {
  /** ISO instant when operators start work. */
  startsAt: string;
  /** The automatic reply shown to the client, e.g. «Сейчас операторы не работают. Мы ответим в понедельник, 14 декабря, с 08:00 по московскому времени.». */
  text: string;
}

/** 201 of `POST /api/chat/conversations`. Stored durably before it is sent. */
export interface StartedConversation {
  id: string;
  /** The conversation's private token (256 bits, base64url); only its hash is stored. */
  token: string;
  /** The private link `SITE_URL/chat/?c=<id>#t=<token>`. */
  link: string;
  state: ChatState;
  /** 1-based position in the waiting queue, null unless queued. */
  position: number | null;
  /** Estimated wait in whole minutes from recent history, null when unknown (no history, out of hours). */
  estimatedWaitMinutes: number | null;
  outOfHours: OutOfHours | null;
}

/** `POST /api/chat/conversations/:id/messages`. */
export const ClientMessageSchema = z.object({ clientMessageId: ClientMessageIdSchema, text: ChatTextSchema });
export type ClientMessage = z.output<typeof ClientMessageSchema>;

/** 201 of a posted message: its sequence number in the conversation (a retry answers the same `seq`). */
export interface PostedMessage {
  seq: number;
}

/** `POST /api/chat/conversations/:id/contact`. */
export const ContactSchema = z.object({ name: ChatNameSchema, contact: ChatContactValueSchema, consent: ChatConsentSchema });
export type ChatContact = z.output<typeof ContactSchema>;

/** `POST /api/chat/conversations/:id/rating`. */
export const RatingSchema = z.object({
  rating: z.number({ error: CHAT_MESSAGES.rating }).int({ error: CHAT_MESSAGES.rating }).min(1, { error: CHAT_MESSAGES.rating }).max(5, { error: CHAT_MESSAGES.rating }),
});

/** `POST /api/chat/conversations/:id/transcript`. */
export const TranscriptSchema = z.object({
  email: z.string({ error: CHAT_MESSAGES.email }).trim().max(254, { error: CHAT_MESSAGES.email }).refine(isEmailLike, { error: CHAT_MESSAGES.email }),
});

/** 200/202 of the small client actions. */
export interface ChatOk {
  ok: true;
}

/** A 4xx/5xx body. */
export interface ChatError {
  message: string;
  fieldErrors?: Record<string, string>;
}

/** An attachment as the stream shows it (the file itself is for staff only, as appeal attachments). */
export interface ChatAttachmentInfo {
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

/** Event `message` of the stream. */
export interface ChatMessageEvent {
  seq: number;
  author: ChatAuthor;
  /** The operator's display name (first name), on operator messages. */
  operatorName?: string;
  text: string;
  /** ISO instant the message was stored. */
  at: string;
  attachment?: ChatAttachmentInfo;
}

/** Event `state` of the stream. */
export interface ChatStateEvent {
  /** The sequence number of the state change (shares the conversation's one sequence with messages). */
  seq: number;
  state: ChatState;
  position?: number;
  estimatedWaitMinutes?: number;
  /** ISO instant, when deferred. */
  deferredUntil?: string;
  operatorName?: string;
  at: string;
}

/**
 * One event of a conversation's stream: the SSE `event:` is `type`, `id:` is `data.seq`, and `data:` is the JSON of
 * `data`. Messages and state changes share one increasing sequence, so resuming after `Last-Event-ID: n` replays
 * everything with `seq > n`, in order. Queue position updates (no new seq) are sent as `state` events with the
 * last seq as `id`. A comment line `: hb` is sent every {@link CHAT_HEARTBEAT_MS}.
 */
export type ChatEvent = { type: 'message'; data: ChatMessageEvent } | { type: 'state'; data: ChatStateEvent };

/** Serialises one event as an SSE frame. */
export function sseFrame(event: ChatEvent): string {
  return `id: ${event.data.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** The resume point of a stream request: `Last-Event-ID` wins over `?after=`; anything else means from the start. */
export function resumeAfter(lastEventId: string | null | undefined, after: string | null | undefined): number {
  for (const candidate of [lastEventId, after]) {
    if (candidate !== null && candidate !== undefined && /^\d{1,15}$/.test(candidate.trim())) return Number(candidate.trim());
  }
  return 0;
}
