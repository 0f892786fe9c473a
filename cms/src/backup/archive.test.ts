import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAGIC, readArchive, writeArchive, type ArchiveInput } from './archive';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-archive-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, 'src', name);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.writeFileSync(at, content);
  return at;
};
const sha256 = (content: string | Buffer) => crypto.createHash('sha256').update(content).digest('hex');
const BASE = { snapshotAt: '2026-12-07T10:00:00.000Z', createdAt: '2026-12-07T10:00:01.000Z', portalVersion: '0.1.0', migration: 'm2', migrations: ['m1', 'm2'], counts: { appeals: 3, attachments: 1, documentFiles: 0 }, missing: [] };
const PASSPHRASE = 'correct horse battery staple';

function inputs(): ArchiveInput[] {
  return [
    { kind: 'database', name: 'portal.db', file: file('portal.db', 'SQLite format 3\0 pretend') },
    { kind: 'secret', name: 'payload-secret', file: file('payload-secret', 'a'.repeat(64)) },
    // Bigger than one read chunk (64 KiB), so the streaming path with back-pressure is exercised.
    { kind: 'attachments', name: 'scan.pdf', file: file('scan.pdf', crypto.randomBytes(300_000)) },
  ];
}

describe('backup archive', () => {
  it('holds every part with the SHA-256 of its bytes, and is written owner-only', async () => {
    const out = path.join(dir, 'a.tar.gz');
    const written = await writeArchive(out, inputs(), BASE);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(written.parts.map((part) => part.name)).toEqual(['database/portal.db', 'secret/payload-secret', 'attachments/scan.pdf']);
    expect(written.parts[1]).toEqual({ name: 'secret/payload-secret', bytes: 64, sha256: sha256('a'.repeat(64)) });
    const into = fs.mkdtempSync(path.join(dir, 'x-'));
    const read = await readArchive(out, into);
    expect(read).toEqual(written);
    expect(fs.readFileSync(path.join(into, 'attachments', 'scan.pdf'))).toEqual(fs.readFileSync(path.join(dir, 'src', 'scan.pdf')));
  });

  it('encrypted with a passphrase: no gzip or tar bytes readable, restored only with the same passphrase', async () => {
    const out = path.join(dir, 'a.tar.gz.enc');
    await writeArchive(out, inputs(), BASE, PASSPHRASE);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('payload-secret'))).toBe(false);
    expect(() => zlib.gunzipSync(bytes)).toThrow();
    await expect(readArchive(out, fs.mkdtempSync(path.join(dir, 'x-')))).rejects.toThrow(/encrypted: set BACKUP_PASSPHRASE/);
    await expect(readArchive(out, fs.mkdtempSync(path.join(dir, 'x-')), 'wrong passphrase here')).rejects.toThrow(/passphrase is wrong or the archive was altered/);
    const read = await readArchive(out, fs.mkdtempSync(path.join(dir, 'x-')), PASSPHRASE);
    expect(read.counts.appeals).toBe(3);
  });

  it('an encrypted archive with one byte changed is refused by its authentication tag', async () => {
    const out = path.join(dir, 'a.tar.gz.enc');
    await writeArchive(out, inputs(), BASE, PASSPHRASE);
    const bytes = fs.readFileSync(out);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 1;
    fs.writeFileSync(out, bytes);
    await expect(readArchive(out, fs.mkdtempSync(path.join(dir, 'x-')), PASSPHRASE)).rejects.toThrow(/passphrase is wrong or the archive was altered/);
  });

  it('a part whose bytes differ from the manifest checksum is refused', async () => {
    // The secret's bytes changed inside the tar, the manifest left as it was: a corrupted or tampered copy.
    const out = path.join(dir, 'a.tar.gz');
    await writeArchive(out, inputs(), BASE);
    const raw = zlib.gunzipSync(fs.readFileSync(out));
    raw[raw.indexOf(Buffer.from('a'.repeat(64)))] = 'b'.charCodeAt(0);
    const tampered = path.join(dir, 'tampered.tar.gz');
    fs.writeFileSync(tampered, zlib.gzipSync(raw));
    await expect(readArchive(tampered, fs.mkdtempSync(path.join(dir, 'x-')))).rejects.toThrow(/secret\/payload-secret does not match its SHA-256 checksum/);
  });

  it('refuses to pack a file name with a path in it', async () => {
    await expect(writeArchive(path.join(dir, 'b.tar.gz'), [{ kind: 'attachments', name: '../etc/passwd', file: file('x', 'x') }], BASE)).rejects.toThrow(/path in its name/);
  });
});
