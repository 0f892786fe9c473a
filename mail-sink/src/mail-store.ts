import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AddressObject, ParsedMail } from 'mailparser';
import { z } from 'zod';

/** Ids are generated here: a sortable UTC timestamp plus random hex; nothing else is a valid file name. */
const MAIL_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

/** One received letter as stored beside its raw `.eml` (and as the web view's JSON API returns it). */
export const StoredMailSchema = z.object({
  /** File name without extension, e.g. `20261127T140501123Z-a1b2c3d4`; sorts by receipt time. */
  id: z.string().regex(MAIL_ID_PATTERN),
  /** ISO timestamp when the sink accepted the letter. */
  receivedAt: z.iso.datetime(),
  /** The From header as text, e.g. `Энергосбыт <robot@energo.example>`. */
  from: z.string(),
  /** Addresses in the To header, lower-cased. */
  to: z.array(z.string()),
  /** Addresses the SMTP client actually delivered to (RCPT TO), lower-cased; includes Bcc. */
  envelopeTo: z.array(z.string()),
  /** The Subject header (empty when missing). */
  subject: z.string(),
  /** The Message-ID header, or null. */
  messageId: z.string().nullable(),
  /** Plain-text body (empty when the letter has none). */
  text: z.string(),
  /** HTML body, or null when the letter has none. */
  html: z.string().nullable(),
  /** Attachments, without their content (it stays in the `.eml`). */
  attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: z.number() })),
});
export type StoredMail = z.output<typeof StoredMailSchema>;

/** Reads and writes letters under one folder: `<id>.eml` (raw) and `<id>.json` ({@link StoredMail}). */
export interface MailStore {
  /** Stores a letter durably; resolves with its record once both files are on disk. */
  save(raw: Buffer, parsed: ParsedMail, envelopeTo: string[]): Promise<StoredMail>;
  /** All letters, newest first; `to` keeps those addressed to it (To header or envelope), case-insensitively. */
  list(filter?: { to?: string }): Promise<StoredMail[]>;
  /** One letter, or null for an unknown or malformed id. */
  get(id: string): Promise<StoredMail | null>;
  /** The raw letter, or null. */
  raw(id: string): Promise<Buffer | null>;
}

/** Letters read at once when listing (each holds a file descriptor while it is read). */
const LIST_CONCURRENCY = 32;

/** Whether a string can be a letter id (checked before it is used in a file path). */
export function isMailId(id: string): boolean {
  return MAIL_ID_PATTERN.test(id);
}

/**
 * A store in `dir`. Each file is written to a temporary name, flushed to disk and renamed, so a reader
 * sees either the whole file or none; the `.json` is written last, and only letters with a `.json`
 * are listed.
 */
export function createMailStore(dir: string, now: () => Date = () => new Date()): MailStore {
  const file = (id: string, ext: 'eml' | 'json') => path.join(dir, `${id}.${ext}`);

  async function get(id: string): Promise<StoredMail | null> {
    if (!isMailId(id)) return null;
    try {
      return await read(id);
    } catch {
      return null;
    }
  }

  /** One letter's record; throws when it cannot be read (for a file that is not there: `ENOENT`). */
  async function read(id: string): Promise<StoredMail> {
    return StoredMailSchema.parse(JSON.parse(await readFile(file(id, 'json'), 'utf8')));
  }

  return {
    async save(raw, parsed, envelopeTo) {
      await mkdir(dir, { recursive: true });
      const receivedAt = now();
      const id = `${receivedAt.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
      const record: StoredMail = {
        id,
        receivedAt: receivedAt.toISOString(),
        from: parsed.from?.text ?? '',
        to: addresses(parsed.to),
        envelopeTo: envelopeTo.map((address) => address.toLowerCase()),
        subject: parsed.subject ?? '',
        messageId: parsed.messageId ?? null,
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : null,
        attachments: parsed.attachments.map((attachment) => ({
          filename: attachment.filename ?? null,
          contentType: attachment.contentType,
          size: attachment.size,
        })),
      };
      await writeAtomically(file(id, 'eml'), raw);
      await writeAtomically(file(id, 'json'), JSON.stringify(record, null, 2));
      return record;
    },

    async list(filter = {}) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const ids = names
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .filter(isMailId);
      // A bounded number of files open at once: reading every letter at once ran out of file descriptors on a
      // mailbox of 20,000 letters, and the letters that could not be opened were left out of the list unnoticed.
      // A letter that cannot be read now fails the listing; only one deleted meanwhile is skipped.
      const records: StoredMail[] = [];
      let next = 0;
      const reader = async () => {
        while (next < ids.length) {
          const id = ids[next++] as string;
          try {
            records.push(await read(id));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, ids.length) }, reader));
      const to = filter.to?.trim().toLowerCase();
      return records
        .filter((record) => !to || record.to.includes(to) || record.envelopeTo.includes(to))
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },

    get,

    async raw(id) {
      if (!isMailId(id)) return null;
      try {
        return await readFile(file(id, 'eml'));
      } catch {
        return null;
      }
    },
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: string[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.address) result.push(entry.address.toLowerCase());
      if (entry.group) walk(entry.group);
    }
  };
  for (const object of objects) walk(object.value);
  return result;
}

async function writeAtomically(target: string, data: Buffer | string): Promise<void> {
  // Hidden temporary name: never matches a listing, and is on the same file system for rename.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, target);
}
