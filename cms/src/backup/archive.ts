/**
 * The backup archive: a tar.gz of the database snapshot, the generated secret, the appeals' attachments and the
 * documents' files, with `manifest.json` last (versions, migration level, counts, SHA-256 and size of every part).
 * With a passphrase the gzip stream is encrypted with AES-256-GCM: the file starts with {@link MAGIC}, the scrypt
 * salt and the IV, and ends with the 16-byte authentication tag; reading verifies the tag before anything is used.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'energo-portal-backup/1';
/** First bytes of an encrypted archive; a plain one starts with gzip's 1f 8b. */
export const MAGIC = Buffer.from('PBAKGCM1');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES;
/** scrypt cost: 2^15 × 8 × 128 bytes = 32 MiB of memory, about 0.1 s. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** Where each kind of part lives inside the archive. */
export const PART_FOLDERS = { database: 'database', secret: 'secret', attachments: 'attachments', documents: 'documents' } as const;
export type PartKind = keyof typeof PART_FOLDERS;

export interface ManifestPart {
  /** Path inside the archive, e.g. `attachments/scan.pdf`. */
  name: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** When the database snapshot was started: every write committed before it is in the archive. */
  snapshotAt: string;
  createdAt: string;
  portalVersion: string;
  /** The last applied migration (by name, which starts with its date), or null for an empty database. */
  migration: string | null;
  /** Every applied migration. */
  migrations: string[];
  counts: { appeals: number; attachments: number; documentFiles: number };
  /** Files the database names that were gone from their folder when the archive was written (e.g. anonymised since). */
  missing: string[];
  parts: ManifestPart[];
}

/** One file to pack. */
export interface ArchiveInput {
  kind: PartKind;
  /** File name inside its folder: a plain name, never a path. */
  name: string;
  file: string;
}

/** A plain file name: no folders, nothing hidden or relative. */
export function isPlainName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name === path.basename(name) && name !== '.' && name !== '..' && !name.includes('\\') && !name.includes('\0');
}

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return crypto.scryptSync(passphrase, salt, 32, SCRYPT);
}

/** Feeds a file into a tar entry, hashing it on the way. */
function packFile(pack: tar.Pack, name: string, file: string): Promise<ManifestPart> {
  const size = fs.statSync(file).size;
  const hash = crypto.createHash('sha256');
  return new Promise((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o600, mtime: new Date() }, (error) => (error ? reject(error) : resolve({ name, bytes: size, sha256: hash.digest('hex') })));
    const source = fs.createReadStream(file);
    source.on('data', (chunk) => {
      hash.update(chunk);
      if (!entry.write(chunk)) {
        source.pause();
        entry.once('drain', () => source.resume());
      }
    });
    source.on('end', () => entry.end(null));
    source.on('error', reject);
  });
}

/**
 * Writes the archive to `outFile` (created owner-only; an existing file is never overwritten), encrypted when a
 * passphrase is given. The manifest gets the parts' sizes and checksums as they were packed. Returns it.
 */
export async function writeArchive(outFile: string, inputs: ArchiveInput[], manifest: Omit<BackupManifest, 'parts' | 'format'>, passphrase?: string): Promise<BackupManifest> {
  for (const input of inputs) if (!isPlainName(input.name)) throw new Error(`refusing to pack a file with a path in its name: ${JSON.stringify(input.name)}`);
  const fd = fs.openSync(outFile, 'wx', 0o600);
  let cipher: crypto.CipherGCM | undefined;
  try {
    if (passphrase) {
      const salt = crypto.randomBytes(SALT_BYTES);
      const iv = crypto.randomBytes(IV_BYTES);
      cipher = crypto.createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
      fs.writeSync(fd, Buffer.concat([MAGIC, salt, iv]));
    }
    const pack = tar.pack();
    const stages: (NodeJS.ReadableStream | NodeJS.WritableStream)[] = [zlib.createGzip({ level: 6 }), ...(cipher ? [cipher] : []), fs.createWriteStream(outFile, { fd, autoClose: false })];
    const written = pipeline(pack as unknown as Readable, ...(stages as [NodeJS.WritableStream]));
    const parts: ManifestPart[] = [];
    const full: BackupManifest = { format: MANIFEST_FORMAT, ...manifest, parts };
    try {
      for (const input of inputs) parts.push(await packFile(pack, `${PART_FOLDERS[input.kind]}/${input.name}`, input.file));
      pack.entry({ name: MANIFEST_NAME, mode: 0o600 }, JSON.stringify(full, null, 2));
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
      await written.catch(() => undefined);
      throw error;
    }
    await written;
    if (cipher) fs.writeSync(fd, cipher.getAuthTag());
    fs.fsyncSync(fd);
    return full;
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(outFile, { force: true });
    throw error;
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Closed above.
    }
  }
}

/** Whether the file is an encrypted archive. */
export function isEncryptedArchive(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, MAGIC.length, 0);
    return read === MAGIC.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/** Something wrong with an archive, said for the operator. */
export class ArchiveError extends Error {}

const sha256File = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Unpacks the archive into `intoDir` (which must exist and be empty) and verifies it: the authentication tag when
 * encrypted, then every part's size and SHA-256 against the manifest, and that nothing is in the archive the
 * manifest does not list. Throws {@link ArchiveError} with the reason; the caller removes `intoDir` then.
 */
export async function readArchive(file: string, intoDir: string, passphrase?: string): Promise<BackupManifest> {
  const size = fs.statSync(file).size;
  let plain = file;
  if (isEncryptedArchive(file)) {
    if (!passphrase) throw new ArchiveError('the archive is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with');
    if (size < HEADER_BYTES + TAG_BYTES) throw new ArchiveError('the archive is cut short');
    const fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(HEADER_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
    fs.closeSync(fd);
    const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
    const iv = header.subarray(MAGIC.length + SALT_BYTES);
    const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt), iv);
    decipher.setAuthTag(tag);
    // Decrypted whole first and used only once the tag is verified: nothing unauthenticated reaches gunzip or tar.
    plain = path.join(intoDir, '.decrypted.tar.gz');
    try {
      await pipeline(fs.createReadStream(file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, fs.createWriteStream(plain, { mode: 0o600, flags: 'wx' }));
    } catch {
      throw new ArchiveError('the archive does not decrypt: the passphrase is wrong or the archive was altered');
    }
  }
  const seen = new Map<string, string>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const [folder, name, ...rest] = header.name.split('/');
    const known = header.name === MANIFEST_NAME || (rest.length === 0 && name !== undefined && isPlainName(name) && (Object.values(PART_FOLDERS) as string[]).includes(folder as string));
    if (header.type !== 'file' || !known || seen.has(header.name)) {
      stream.resume();
      extract.destroy(new ArchiveError(`the archive holds an entry a portal backup never has: ${JSON.stringify(header.name)}`));
      return;
    }
    const target = path.join(intoDir, header.name);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    const out = fs.createWriteStream(target, { mode: 0o600, flags: 'wx' });
    seen.set(header.name, target);
    stream.pipe(out);
    out.on('finish', () => next());
    out.on('error', (error) => next(error));
  });
  try {
    await pipeline(fs.createReadStream(plain), zlib.createGunzip(), extract as unknown as NodeJS.WritableStream);
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`the archive is damaged (${(error as Error).message})`);
  } finally {
    if (plain !== file) fs.rmSync(plain, { force: true });
  }
  const manifestFile = seen.get(MANIFEST_NAME);
  if (!manifestFile) throw new ArchiveError('the archive has no manifest: it is not a portal backup or it was cut short');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  } catch {
    throw new ArchiveError('the manifest is not readable');
  }
  if (manifest.format !== MANIFEST_FORMAT) throw new ArchiveError(`unknown archive format ${JSON.stringify(manifest.format)}`);
  const listed = new Set(manifest.parts.map((part) => part.name));
  for (const name of seen.keys()) if (name !== MANIFEST_NAME && !listed.has(name)) throw new ArchiveError(`${name} is in the archive but not in its manifest`);
  for (const part of manifest.parts) {
    const extracted = seen.get(part.name);
    if (!extracted) throw new ArchiveError(`${part.name} is listed in the manifest but missing from the archive`);
    if (fs.statSync(extracted).size !== part.bytes || sha256File(extracted) !== part.sha256) throw new ArchiveError(`${part.name} does not match its SHA-256 checksum in the manifest`);
  }
  return manifest;
}
