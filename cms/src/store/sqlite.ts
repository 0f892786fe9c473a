import type { Client, InStatement } from '@libsql/client';
import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { appealWriter, groupCommit } from './sqlite-appeal-writer';
import { errorCode } from '../sqlite-guard';
import { claimCellKey, contactHolderOf, type ClaimedLetter, type LetterRecord, type NewAppeal, type NewChatRow, type NewLetter, type OutboxAppeal, type OutboxKind, type OutboxRecord, type Store, type StoredAppeal } from './store';
import { createAppeal } from './through-payload';

/** The outbox groups' column prefixes (Payload's snake_case of the group names). */
/** The booking claims' table (Payload's snake_case of the slug). */
const CLAIMS_TABLE = COLLECTIONS.bookingClaims.replace(/-/g, '_');

const COLUMN_PREFIX: Record<OutboxKind, string> = { confirmation: 'confirmation', handlerNotice: 'handler_notice' };

/**
 * The store on SQLite: every operation is one statement (or one batch) on the adapter's libsql client, the
 * one the guard (sqlite-guard.ts) watches, so a busy or failed write replaces the connection as for
 * Payload's own statements. Single statements are atomic under SQLite's write lock.
 */
export function sqliteStore(payload: Payload): Store {
  // Read at every call: the adapter sets it on connect.
  const client = (): Client => {
    const current = (payload.db as unknown as { client?: Client }).client;
    if (!current) throw new Error('not a SQLite database');
    return current;
  };
  // One group commit for the database: appeals and chat messages arriving together share one WAL sync.
  const commit = groupCommit(client);
  const insertRow = appealWriter(commit);

  const store: Store = {
    async incrementCounter(key, by) {
      const now = new Date().toISOString();
      const result = await client().execute({
        sql: `INSERT INTO "${COLLECTIONS.counters}" (key, value, updated_at, created_at)
              VALUES (?, ?, ?, ?)
              ON CONFLICT (key) DO UPDATE SET value = value + ?, updated_at = excluded.updated_at
              RETURNING value`,
        args: [key, by, now, now, by],
      });
      const value = (result.rows[0] as unknown as { value?: unknown } | undefined)?.value;
      if (typeof value !== 'number') throw new Error(`Counter ${key} did not return a value`);
      return value;
    },

    /**
     * Without attachments: one `INSERT`, committed together with concurrent registrations (group commit,
     * sqlite-appeal-writer.ts) instead of Payload's create, which reads the row back. With attachments the
     * links go to the relationship table too, so Payload's create writes them.
     */
    async insertAppeal(appeal) {
      if (appeal.attachments.length > 0) return createAppeal(payload, appeal, (key) => store.findByIdempotencyKey(key));
      const now = new Date().toISOString();
      const outcome = await insertRow(appealColumns(appeal, now));
      if ('duplicate' in outcome) return 'duplicate';
      return { id: outcome.id, registrationNumber: appeal.registrationNumber, receivedAt: appeal.receivedAt, deadlineDate: appeal.deadlineDate };
    },

    /**
     * One statement in the group commit: the next number is the conversation's highest plus one, computed inside
     * the INSERT under SQLite's write lock, so no read before and no counter to update after. `ON CONFLICT DO
     * NOTHING` covers both unique keys: a known `clientKey` (a retry) stores nothing and returns no row.
     */
    async appendChatRow(row) {
      const now = new Date().toISOString();
      const rows = await commit(chatRowStatement(row, now));
      const stored = rows[0] as { id?: unknown; seq?: unknown } | undefined;
      if (!stored || stored.id === undefined) return 'duplicate';
      return { id: Number(stored.id), seq: Number(stored.seq), createdAt: now };
    },

    // Every browser submission carries a key: one indexed lookup instead of Payload's find (query builder + count).
    async findByIdempotencyKey(key) {
      const result = await client().execute({
        sql: `SELECT "id", "registration_number", "received_at", "deadline_date" FROM "${COLLECTIONS.appeals}" WHERE "idempotency_key" = ? LIMIT 1`,
        args: [key],
      });
      const row = result.rows[0] as unknown as { id: number; registration_number: string; received_at: string; deadline_date: string } | undefined;
      return row && ({ id: Number(row.id), registrationNumber: row.registration_number, receivedAt: row.received_at, deadlineDate: row.deadline_date } satisfies StoredAppeal);
    },

    async claimOutbox(kind, now, until, limit) {
      const c = COLUMN_PREFIX[kind];
      const nowIso = now.toISOString();
      // One statement: SQLite runs it under the write lock, so no other process can take the same rows.
      const result = await client().execute({
        sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_claimed_until" = ? WHERE "id" IN (
                SELECT "id" FROM "${COLLECTIONS.appeals}"
                WHERE "${c}_state" = 'pending'
                  AND ("${c}_next_attempt_at" IS NULL OR "${c}_next_attempt_at" <= ?)
                  AND ("${c}_claimed_until" IS NULL OR "${c}_claimed_until" <= ?)
                ORDER BY "id" LIMIT ?)
              RETURNING "id"`,
        args: [until.toISOString(), nowIso, nowIso, limit],
      });
      return result.rows.map((row) => Number((row as unknown as { id: number }).id));
    },

    async claimNotices(now, until, limit) {
      const table = COLLECTIONS.appealNotices.replace(/-/g, '_');
      const nowIso = now.toISOString();
      const result = await client().execute({
        sql: `UPDATE "${table}" SET "claimed_until" = ? WHERE "id" IN (
                SELECT "id" FROM "${table}"
                WHERE "state" = 'pending'
                  AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= ?)
                  AND ("claimed_until" IS NULL OR "claimed_until" <= ?)
                ORDER BY "id" LIMIT ?)
              RETURNING "id"`,
        args: [until.toISOString(), nowIso, nowIso, limit],
      });
      return result.rows.map((row) => Number((row as unknown as { id: number }).id));
    },

    // One plain query instead of Payload's find.
    async loadOutboxAppeals(ids) {
      const result = await client().execute({
        sql: `SELECT a."id", a."registration_number", a."type", a."channel", a."name", a."email", a."received_at", a."deadline_date", a."topic_id",
                a."received_outside_working_hours", a."work_starts_at", a."originals_deadline_date",
                a."confirmation_attempts", a."handler_notice_attempts",
                (SELECT COUNT(*) FROM "${COLLECTIONS.appeals}_rels" r WHERE r."parent_id" = a."id" AND r."path" = 'attachments') AS "attachment_count"
              FROM "${COLLECTIONS.appeals}" a WHERE a."id" IN (${ids.map(() => '?').join(', ')})`,
        args: ids.map(Number),
      });
      const appeals = new Map<string, OutboxAppeal>();
      for (const raw of result.rows) {
        const row = raw as unknown as Record<string, string | number | null>;
        appeals.set(String(row.id), {
          id: Number(row.id),
          registrationNumber: String(row.registration_number),
          type: row.type as OutboxAppeal['type'],
          channel: row.channel === null ? null : (row.channel as OutboxAppeal['channel']),
          name: String(row.name),
          email: row.email === null ? null : String(row.email),
          receivedAt: String(row.received_at),
          deadlineDate: String(row.deadline_date),
          receivedOutsideWorkingHours: Boolean(row.received_outside_working_hours),
          workStartsAt: row.work_starts_at === null ? null : String(row.work_starts_at),
          originalsDeadlineDate: row.originals_deadline_date === null ? null : String(row.originals_deadline_date),
          topic: row.topic_id === null ? null : Number(row.topic_id),
          attachments: new Array(Number(row.attachment_count ?? 0)).fill(null),
          confirmation: { attempts: Number(row.confirmation_attempts ?? 0) },
          handlerNotice: { attempts: Number(row.handler_notice_attempts ?? 0) },
        });
      }
      return appeals;
    },

    // In one transaction: one WAL sync for the whole round.
    async recordOutbox(records, now) {
      if (records.length === 0) return;
      await client().batch(
        records.map((record) => outboxStatement(record, now.toISOString())),
        'write',
      );
    },

    async claimStateChange(id, from, to, readUpdatedAt, at) {
      const result = await client().execute({
        sql: `UPDATE "${COLLECTIONS.appeals}" SET status = ?, updated_at = ?
              WHERE id = ? AND status = ?${readUpdatedAt ? ' AND updated_at = ?' : ''}
              RETURNING id`,
        args: [to, at.toISOString(), Number(id), from, ...(readUpdatedAt ? [readUpdatedAt] : [])],
      });
      return result.rows.length === 1;
    },

    async recordAnswerJob(appealId, jobId) {
      await client().execute({
        sql: `UPDATE "${COLLECTIONS.appeals}" SET answer_delivery_job_id = ? WHERE id = ?`,
        args: [String(jobId), Number(appealId)],
      });
    },

    async bumpQueryStat(stat, at) {
      const atIso = at.toISOString();
      await client().execute({
        sql: `INSERT INTO "search_queries"
                (key, week, query, searches, no_result_searches, clicks, last_result_count, updated_at, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (key) DO UPDATE SET
                searches = searches + excluded.searches,
                no_result_searches = no_result_searches + excluded.no_result_searches,
                clicks = clicks + excluded.clicks,
                last_result_count = coalesce(excluded.last_result_count, last_result_count),
                updated_at = excluded.updated_at`,
        args: [stat.key, stat.week, stat.query, stat.searches, stat.noResultSearches, stat.clicks, stat.lastResultCount, atIso, atIso],
      });
    },

    // One write transaction: SQLite's unique index on `cell` fails the whole batch if any cell is taken.
    async claimCells(claims, at) {
      if (claims.length === 0) return false;
      const atIso = at.toISOString();
      try {
        await client().batch(
          claims.map((claim) => ({
            sql: `INSERT INTO "${CLAIMS_TABLE}" ("cell", "booking", "holder", "office", "date", "desk", "time", "updated_at", "created_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            args: [claimCellKey(claim), claim.booking, claim.holder, claim.office, claim.date, claim.desk, claim.time, atIso, atIso],
          })),
          'write',
        );
        return true;
      } catch (error) {
        if (errorCode(error)?.startsWith('SQLITE_CONSTRAINT')) return false;
        throw error;
      }
    },

    async releaseClaims(booking, keepHolder) {
      await client().execute({
        sql: `DELETE FROM "${CLAIMS_TABLE}" WHERE "booking" = ?${keepHolder ? ' AND "holder" NOT IN (?, ?)' : ''}`,
        args: keepHolder ? [booking, keepHolder, contactHolderOf(booking)] : [booking],
      });
    },

    async claimedCells(office, from, to) {
      const result = await client().execute({
        sql: `SELECT "desk", "date", "time" FROM "${CLAIMS_TABLE}" WHERE "office" = ? AND "date" >= ? AND "date" <= ?`,
        args: [office, from, to],
      });
      return result.rows.map((raw) => {
        const row = raw as unknown as { desk: number; date: string; time: string };
        return { desk: Number(row.desk), date: String(row.date), time: String(row.time) };
      });
    },

    // One transaction per chunk: a campaign's thousands of letters cost a few WAL syncs, not one each.
    async insertLetters(letters, now) {
      let inserted = 0;
      const nowIso = now.toISOString();
      for (let start = 0; start < letters.length; start += LETTER_CHUNK) {
        const results = await client().batch(
          letters.slice(start, start + LETTER_CHUNK).map((letter) => letterInsert(letter, nowIso)),
          'write',
        );
        for (const result of results) inserted += result.rowsAffected;
      }
      return inserted;
    },

    async claimLetters(now, until, limit) {
      const nowIso = now.toISOString();
      const result = await client().execute({
        sql: `UPDATE "${LETTERS}" SET "claimed_until" = ? WHERE "id" IN (
                SELECT "id" FROM "${LETTERS}"
                WHERE "state" = 'pending'
                  AND ("not_before" IS NULL OR "not_before" <= ?)
                  AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= ?)
                  AND ("claimed_until" IS NULL OR "claimed_until" <= ?)
                ORDER BY "id" LIMIT ?)
              RETURNING "id", "purpose", "dedupe_key", "group_key", "recipient", "subject", "text", "html", "headers", "attachments", "not_before", "attempts"`,
        args: [until.toISOString(), nowIso, nowIso, nowIso, limit],
      });
      return result.rows.map((raw) => claimedLetter(raw as unknown as Record<string, string | number | null>));
    },

    async recordLetters(records, now) {
      if (records.length === 0) return;
      await client().batch(
        records.map((record) => letterOutcome(record, now.toISOString())),
        'write',
      );
    },

    async moveLetterGroup(group, from, to, now) {
      const result = await client().execute({
        sql: `UPDATE "${LETTERS}" SET "state" = ?, "claimed_until" = NULL, "updated_at" = ? WHERE "group_key" = ? AND "state" = ?`,
        args: [to, now.toISOString(), group, from],
      });
      return result.rowsAffected;
    },
  };
  return store;
}

/** The generic outbox's table (collection `outgoing-letters`). */
const LETTERS = 'outgoing_letters';
/** Letters stored per transaction. */
const LETTER_CHUNK = 500;

function letterInsert(letter: NewLetter, nowIso: string): InStatement {
  return {
    sql: `INSERT INTO "${LETTERS}" ("purpose", "dedupe_key", "group_key", "recipient", "subject", "text", "html", "headers", "attachments",
            "state", "not_before", "attempts", "updated_at", "created_at")
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?)
          ON CONFLICT ("dedupe_key") DO NOTHING`,
    args: [
      letter.purpose,
      letter.dedupeKey,
      letter.group,
      letter.to,
      letter.subject,
      letter.text,
      letter.html,
      letter.headers === null ? null : JSON.stringify(letter.headers),
      letter.attachments === null ? null : JSON.stringify(letter.attachments),
      letter.notBefore === null ? null : letter.notBefore.toISOString(),
      nowIso,
      nowIso,
    ],
  };
}

function parseJson<T>(value: string | number | null | undefined): T | null {
  return typeof value === 'string' && value !== '' ? (JSON.parse(value) as T) : null;
}

function claimedLetter(row: Record<string, string | number | null>): ClaimedLetter {
  return {
    id: Number(row.id),
    purpose: String(row.purpose),
    dedupeKey: String(row.dedupe_key),
    group: row.group_key === null ? null : String(row.group_key),
    to: String(row.recipient),
    subject: String(row.subject),
    text: row.text === null ? '' : String(row.text),
    html: row.html === null ? null : String(row.html),
    headers: parseJson(row.headers),
    attachments: parseJson(row.attachments),
    notBefore: row.not_before === null ? null : new Date(String(row.not_before)),
    attempts: Number(row.attempts ?? 0),
  };
}

function letterOutcome(record: LetterRecord, nowIso: string): InStatement {
  const { outcome } = record;
  if (outcome.kind === 'sent') {
    return {
      sql: `UPDATE "${LETTERS}" SET "state" = 'sent', "sent_at" = ?, "message_id" = ?, "attempts" = ?, "last_error" = NULL, "next_attempt_at" = NULL, "claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
      args: [nowIso, outcome.messageId, record.attempts, nowIso, Number(record.id)],
    };
  }
  return {
    sql: `UPDATE "${LETTERS}" SET "attempts" = ?, "last_error" = ?, "next_attempt_at" = ?, "claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
    args: [record.attempts, outcome.reason, outcome.nextAttemptAt.toISOString(), nowIso, Number(record.id)],
  };
}

/** The appeal's columns as Payload's SQLite schema names them. */
const CHAT_MESSAGES_TABLE = COLLECTIONS.chatMessages.replace(/-/g, '_');

/** The chat row's INSERT … SELECT with its sequence number derived in the statement. */
function chatRowStatement(row: NewChatRow, now: string): InStatement {
  const conversation = Number(row.conversationId);
  // `WHERE true`: SQLite needs a WHERE in an INSERT … SELECT before ON CONFLICT (the parser's rule).
  return {
    sql: `INSERT INTO "${CHAT_MESSAGES_TABLE}" ("conversation_id", "seq", "seq_key", "kind", "author", "operator_id", "operator_name", "text", "state_data", "client_message_id", "client_key", "attachment_id", "updated_at", "created_at")
          SELECT ?, next.seq, ? || ':' || next.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
          FROM (SELECT COALESCE(MAX("seq"), 0) + 1 AS seq FROM "${CHAT_MESSAGES_TABLE}" WHERE "conversation_id" = ?) AS next WHERE true
          ON CONFLICT DO NOTHING RETURNING "id", "seq"`,
    args: [
      conversation,
      String(row.conversationId),
      row.kind,
      row.author,
      row.operatorId === null ? null : Number(row.operatorId),
      row.operatorName,
      row.text,
      row.stateData === null ? null : JSON.stringify(row.stateData),
      row.clientMessageId,
      row.clientKey,
      row.attachmentId === null ? null : Number(row.attachmentId),
      now,
      now,
      conversation,
    ],
  };
}

function appealColumns(appeal: NewAppeal, now: string) {
  return {
    registration_number: appeal.registrationNumber,
    type: appeal.type,
    channel: appeal.channel,
    registration_deadline_date: appeal.registrationDeadlineDate,
    status: appeal.status,
    status_token_hash: appeal.statusTokenHash,
    received_at: appeal.receivedAt,
    deadline_date: appeal.deadlineDate,
    received_outside_working_hours: appeal.receivedOutsideWorkingHours ? 1 : 0,
    work_starts_at: appeal.workStartsAt,
    originals_deadline_date: appeal.originalsDeadlineDate,
    topic_id: appeal.topic === null ? null : Number(appeal.topic),
    topic_as_sent_id: appeal.topicAsSent === null ? null : Number(appeal.topicAsSent),
    audience: appeal.audience,
    name: appeal.name,
    email: appeal.email,
    phone: appeal.phone,
    answer_channel: appeal.answerChannel,
    postal_address: appeal.postalAddress,
    account_number: appeal.accountNumber,
    text: appeal.text,
    details: appeal.details === null ? null : JSON.stringify(appeal.details),
    meter_serial: appeal.meterSerial,
    consent_version: appeal.consent.version,
    consent_accepted_at: appeal.consent.acceptedAt,
    consent_ip: appeal.consent.ip,
    consent_method: appeal.consent.method,
    idempotency_key: appeal.idempotencyKey,
    confirmation_state: appeal.confirmation.state,
    confirmation_attempts: 0,
    confirmation_last_error: appeal.confirmation.lastError ?? null,
    handler_notice_state: appeal.handlerNotice.state,
    handler_notice_attempts: 0,
    territory: appeal.territory,
    handler_group: appeal.handlerGroup,
    answer_delivery_attempts: 0,
    updated_at: now,
    created_at: now,
  };
}

function outboxStatement(record: OutboxRecord, nowIso: string): InStatement {
  const c = COLUMN_PREFIX[record.letter];
  const { outcome } = record;
  if (outcome.kind === 'sent') {
    const messageColumn = record.letter === 'confirmation' ? `, "${c}_message_id" = ?` : '';
    return {
      sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_state" = 'sent', "${c}_sent_at" = ?, "${c}_attempts" = ?, "${c}_last_error" = NULL, "${c}_next_attempt_at" = NULL, "${c}_claimed_until" = NULL${messageColumn}, "updated_at" = ? WHERE "id" = ?`,
      args: [nowIso, record.attempts, ...(record.letter === 'confirmation' ? [outcome.messageId] : []), nowIso, record.id],
    };
  }
  if (outcome.kind === 'failed') {
    return {
      sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_attempts" = ?, "${c}_last_error" = ?, "${c}_next_attempt_at" = ?, "${c}_claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
      args: [record.attempts, outcome.reason, outcome.nextAttemptAt.toISOString(), nowIso, record.id],
    };
  }
  return {
    sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_state" = 'not-needed', "${c}_claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
    args: [nowIso, record.id],
  };
}
