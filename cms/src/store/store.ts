import type { AppealState } from '@portal/core/appeal-state';
import type { AppealChannel } from '@portal/core/appeal-channel';
import type { AppealType } from '@portal/core/appeal-type';

/**
 * The database operations whose atomicity the domain relies on and Payload's local API cannot give
 * (it reads, then writes, and transactions are off on SQLite): each is one statement on SQLite and one
 * single-document update on MongoDB. Everything else goes through Payload. One implementation per engine
 * (`sqlite.ts`, `mongo.ts`); `storeOf` in `index.ts` picks one per Payload instance.
 */
export interface Store {
  /**
   * Atomically adds `by` to the named counter (creating it at `by`) and returns the new value: the numbers
   * `value - by + 1 … value` belong to the caller alone, even across processes sharing the database.
   */
  incrementCounter(key: string, by: number): Promise<number>;

  /**
   * Stores a new appeal in one durable write, or reports `duplicate` when an appeal with the same
   * idempotency key is already stored. Resolves only once the write is durable.
   */
  insertAppeal(appeal: NewAppeal): Promise<StoredAppeal | 'duplicate'>;

  /**
   * Appends a chat message or state change (collection `chat-messages`) with the next sequence number of its
   * conversation, in one durable write: no read before it and no counter updated after it. `duplicate` when a row
   * with the same `clientKey` is stored already (a retry). The unique `seqKey` guarantees that a number is never
   * given twice, also with several writers. Resolves only once the write is durable.
   */
  appendChatRow(row: NewChatRow): Promise<{ id: number | string; seq: number; createdAt: string } | 'duplicate'>;

  /** The appeal registered with this idempotency key, if any. */
  findByIdempotencyKey(key: string): Promise<StoredAppeal | undefined>;

  /**
   * Takes up to `limit` letters of one kind that are pending, due at `now` and held by no one, holding them
   * until `until`; returns their appeals' ids. Atomic: two callers never take the same letter while the
   * hold lasts.
   */
  claimOutbox(kind: OutboxKind, now: Date, until: Date, limit: number): Promise<(number | string)[]>;

  /**
   * Like {@link claimOutbox} for the client's notices of decisions (collection `appeal-notices`, state `pending`):
   * returns the notices' ids.
   */
  claimNotices(now: Date, until: Date, limit: number): Promise<(number | string)[]>;

  /** The appeals of claimed letters, with what the letters need (by id as a string). */
  loadOutboxAppeals(ids: string[]): Promise<Map<string, OutboxAppeal>>;

  /** Writes the outcome of every letter of a dispatch round and releases their holds. */
  recordOutbox(records: readonly OutboxRecord[], now: Date): Promise<void>;

  /**
   * Compare-and-set of an appeal's state: moves it from `from` to `to` only if it is still in `from` and,
   * when `readUpdatedAt` is given, unchanged since then. True for the one caller whose move happened.
   */
  claimStateChange(id: number | string, from: AppealState, to: AppealState, readUpdatedAt: string | null, at: Date): Promise<boolean>;

  /** Records the job that sends an appeal's answer, writing that one field only. */
  recordAnswerJob(appealId: number | string, jobId: number | string): Promise<void>;

  /** Adds one search event to the counters of its query and week (an upsert with increments). */
  bumpQueryStat(stat: QueryStat, at: Date): Promise<void>;
  /**
   * Inserts a booking's claim rows (collection `booking-claims`, unique `cell`) all or none: true when every cell
   * was free and is now the caller's, false when any was claimed already (the database's unique index decides, so
   * two requests on two instances cannot both win). On MongoDB a partial insert is undone before answering false.
   */
  claimCells(claims: readonly NewClaim[], at: Date): Promise<boolean>;

  /**
   * Deletes the claims of a booking (by its code), except those of `keepHolder` (a move's new placement); with a
   * `keepHolder` the booking's contact claims ({@link contactHolderOf}) stay too: a moved booking is still open.
   */
  releaseClaims(booking: string, keepHolder?: string): Promise<void>;

  /** The claimed cells of an office on the dates `from`…`to` (inclusive, `YYYY-MM-DD`). */
  claimedCells(office: string, from: string, to: string): Promise<ClaimedCell[]>;

  /**
   * Stores letters of the generic outbox (collection `outgoing-letters`), skipping every one whose `dedupeKey` is
   * already stored (by the unique index, so concurrent callers never store one key twice). Durable when it
   * resolves; returns how many were new.
   */
  insertLetters(letters: readonly NewLetter[], now: Date): Promise<number>;

  /**
   * Takes up to `limit` pending letters that are due (`notBefore` and the next attempt passed) and held by no one,
   * holding them until `until`; returns them whole. Atomic like {@link claimOutbox}.
   */
  claimLetters(now: Date, until: Date, limit: number): Promise<ClaimedLetter[]>;

  /** Writes the outcome of every letter of a dispatch round and releases their holds. */
  recordLetters(records: readonly LetterRecord[], now: Date): Promise<void>;

  /** Moves a group's letters from one state to another (pause: pending → held, resume: held → pending); returns how many. */
  moveLetterGroup(group: string, from: 'pending' | 'held', to: 'pending' | 'held' | 'cancelled', now: Date): Promise<number>;
}

/** A chat row to append (see cms/src/chat/service.ts). */
export interface NewChatRow {
  conversationId: number | string;
  kind: 'message' | 'state';
  author: string;
  text: string | null;
  stateData: Record<string, unknown> | null;
  clientMessageId: string | null;
  /** `<conversation>:<retry key>`, unique. */
  clientKey: string;
  operatorId: number | string | null;
  operatorName: string | null;
  attachmentId: number | string | null;
}

/** A letter of the generic outbox as it is stored (see cms/src/outbox/letters.ts). */
export interface NewLetter {
  purpose: string;
  dedupeKey: string;
  group: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
  attachments: LetterAttachment[] | null;
  notBefore: Date | null;
}

export interface LetterAttachment {
  filename: string;
  contentType: string;
  content: string;
  encoding?: 'base64' | 'utf-8';
}

/** A claimed letter with everything needed to send it. */
export interface ClaimedLetter extends NewLetter {
  id: number | string;
  attempts: number;
}

export interface LetterRecord {
  id: number | string;
  /** Attempts made so far, this one included. */
  attempts: number;
  outcome: { kind: 'sent'; messageId: string } | { kind: 'failed'; reason: string; nextAttemptAt: Date };
}

/** One claimed cell of a desk, as `booking-claims` stores it. */
export interface ClaimedCell {
  desk: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, a multiple of the cell length. */
  time: string;
}

/** A claim row to insert: the cell's unique key is `<office>|<desk>|<date>T<time>`, or `cell` when given. */
export interface NewClaim extends ClaimedCell {
  office: string;
  /** The booking's code. */
  booking: string;
  /** The placement of the booking that takes it (`<code>@<date>T<time>`), or {@link contactHolderOf} the code. */
  holder: string;
  /** A unique key of another kind: a contact's place under the per-contact limit (`contact|<key>|<n>`). */
  cell?: string;
}

/** The unique key of a claim. */
export const claimCellKey = (claim: Pick<NewClaim, 'office' | 'desk' | 'date' | 'time' | 'cell'>): string => claim.cell ?? `${claim.office}|${claim.desk}|${claim.date}T${claim.time}`;

/** The holder of a booking's contact claims (its places under the per-contact limit). */
export const contactHolderOf = (booking: string): string => `${booking}#contact`;

/**
 * The robot's letters per appeal: each is an outbox entry on the appeal row (a group with `state`,
 * `attempts`, `lastError`, `sentAt`, `nextAttemptAt`, `claimedUntil`), so storing the appeal stores its
 * letters in the same single-row write, and the rows themselves are the queue.
 */
export const OUTBOX_KINDS = ['confirmation', 'handlerNotice'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** An appeal as registration writes it (Payload's field names). */
export interface NewAppeal {
  registrationNumber: string;
  type: AppealType;
  /** The channel it came by (`site`, `email`, or a staff channel). */
  channel: AppealChannel;
  /** Local `YYYY-MM-DD` the registration stage is due (written appeals only). */
  registrationDeadlineDate: string | null;
  status: 'registered';
  statusTokenHash: string;
  receivedAt: string;
  deadlineDate: string;
  receivedOutsideWorkingHours: boolean;
  /** Local `YYYY-MM-DDTHH:MM` work starts at, for an appeal received outside working hours. */
  workStartsAt: string | null;
  /** Local `YYYY-MM-DD` the originals of attached document copies are due (applications with attachments). */
  originalsDeadlineDate: string | null;
  topic: number | string | null;
  /** The topic as submitted; `topic` is the handlers' classification, which they may change. */
  topicAsSent: number | string | null;
  audience: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  answerChannel: string;
  postalAddress: string | null;
  accountNumber: string | null;
  text: string;
  details: Record<string, unknown> | null;
  meterSerial: string | null;
  attachments: (number | string)[];
  consent: { version: string | null; acceptedAt: string | null; ip: string | null; method: 'form' | 'oral' | 'written' | null };
  idempotencyKey: string | null;
  /** `lastError` of a `not-needed` confirmation says why none is sent (shown to handlers among the robot's letters). */
  confirmation: { state: 'pending' | 'not-needed'; attempts: number; lastError?: string | null };
  handlerNotice: { state: 'pending' | 'not-needed'; attempts: number };
  /** The client's territory (slug) and the handler group routing suggests for it (see routing.ts). */
  territory: string | null;
  handlerGroup: string | null;
}

/** What registration answers with once an appeal is stored. */
export interface StoredAppeal {
  id: number | string;
  registrationNumber: string;
  receivedAt: string;
  deadlineDate: string;
}

/** An appeal as the robot's letters read it. */
export interface OutboxAppeal {
  id: number | string;
  registrationNumber: string;
  type: AppealType;
  /** The channel it came by; null on rows stored before the channel existed. */
  channel?: AppealChannel | null;
  name: string;
  email?: string | null;
  receivedAt: string;
  deadlineDate: string;
  receivedOutsideWorkingHours?: boolean | null;
  /** Local `YYYY-MM-DDTHH:MM` work starts at, stored at registration for appeals received outside working hours. */
  workStartsAt?: string | null;
  /** Local `YYYY-MM-DD` the originals of attached document copies are due, stored at registration for applications. */
  originalsDeadlineDate?: string | null;
  topic?: number | string | { id: number | string } | null;
  /** Only their number matters to the letters. */
  attachments?: unknown[] | null;
  confirmation?: { attempts?: number | null } | null;
  handlerNotice?: { attempts?: number | null } | null;
}

/** What became of one letter in a dispatch round. */
export type OutboxOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'failed'; reason: string; nextAttemptAt: Date }
  /** Closed without a letter (no address to write to): state `not-needed`. */
  | { kind: 'skipped' };

export interface OutboxRecord {
  letter: OutboxKind;
  id: number | string;
  /** Attempts made so far, this one included (unchanged for a skipped letter). */
  attempts: number;
  outcome: OutboxOutcome;
}

/** One search event as the query statistics count it. */
export interface QueryStat {
  /** The row's key: week and normalized query. */
  key: string;
  week: string;
  query: string;
  searches: number;
  noResultSearches: number;
  clicks: number;
  /** Results of the latest search; `null` leaves the stored value as it is (a click). */
  lastResultCount: number | null;
}
