import { z } from 'zod';

/**
 * Files clients may attach to complaints and applications: JPEG, PNG and PDF, recognised by their first
 * bytes (what the file is), never by the name or the type the browser claims (what it says it is).
 */

/** The accepted content types. */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** File name extension per content type, used for the stored copy. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentMimeType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** Limits set by the company in the CMS. */
export const AttachmentLimitsSchema = z.object({
  /** Largest file in megabytes; default 5. */
  maxFileMb: z.number().positive().max(50).default(5),
  /** Most files per appeal; default 3. */
  maxFiles: z.number().int().min(0).max(10).default(3),
});
export type AttachmentLimits = z.output<typeof AttachmentLimitsSchema>;

/** The standards' defaults: 5 MB per file, 3 files. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileMb: 5, maxFiles: 3 };

/** Messages about attachments, all under the `attachments` field. */
export const ATTACHMENT_MESSAGES = {
  type: (name: string) => `Файл «${name}» не подходит: можно приложить только JPG, PNG или PDF`,
  size: (name: string, maxMb: number) => `Файл «${name}» больше ${maxMb} МБ. Пожалуйста, уменьшите его или приложите другой`,
  empty: (name: string) => `Файл «${name}» пустой. Пожалуйста, выберите другой файл`,
  damaged: (name: string) => `Файл «${name}» повреждён или не открывается. Пожалуйста, приложите другой файл`,
  tooMany: (maxFiles: number) => `Можно приложить не больше ${maxFiles} файлов`,
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/** The real type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // «%PDF-» at the very start, as the storage layer (Payload) requires too.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** A file as received, before checking. */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A checked file: its real type and a safe name for storage. */
export interface CheckedFile extends IncomingFile {
  mimeType: AttachmentMimeType;
  /** The client's name cut to 100 characters, with path separators and control characters removed. */
  safeName: string;
}

/** Display-safe version of a client's file name. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 100);
  return cleaned === '' ? 'файл' : cleaned;
}

/**
 * Checks files against the type list and the limits. Returns the checked files, or the first problem as a
 * Russian message for the `attachments` field.
 */
export function checkAttachments(
  files: readonly IncomingFile[],
  limits: AttachmentLimits,
): { ok: true; files: CheckedFile[] } | { ok: false; message: string } {
  if (files.length > limits.maxFiles) return { ok: false, message: ATTACHMENT_MESSAGES.tooMany(limits.maxFiles) };
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const safeName = safeFileName(file.name);
    if (file.bytes.byteLength === 0) return { ok: false, message: ATTACHMENT_MESSAGES.empty(safeName) };
    if (file.bytes.byteLength > limits.maxFileMb * 1024 * 1024) {
      return { ok: false, message: ATTACHMENT_MESSAGES.size(safeName, limits.maxFileMb) };
    }
    const mimeType = sniffAttachmentType(file.bytes);
    if (mimeType === null) return { ok: false, message: ATTACHMENT_MESSAGES.type(safeName) };
    checked.push({ ...file, mimeType, safeName });
  }
  return { ok: true, files: checked };
}
