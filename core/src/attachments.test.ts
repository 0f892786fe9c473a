import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MESSAGES, checkAttachments, safeFileName, sniffAttachmentType } from './attachments';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n');
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0]);
const limits = { maxFileMb: 5, maxFiles: 3 };

describe('attachments', () => {
  it('recognises JPEG, PNG and PDF by content, whatever the name says', () => {
    expect(sniffAttachmentType(PNG)).toBe('image/png');
    expect(sniffAttachmentType(JPEG)).toBe('image/jpeg');
    expect(sniffAttachmentType(PDF)).toBe('application/pdf');
    expect(sniffAttachmentType(EXE)).toBeNull();
    expect(sniffAttachmentType(new TextEncoder().encode('<html>%PDF'))).toBeNull();
    const result = checkAttachments([{ name: 'scan.pdf', bytes: EXE }], limits);
    expect(result).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.type('scan.pdf') });
  });

  it('refuses too many, empty and too large files with the limit in the message', () => {
    expect(checkAttachments(Array.from({ length: 4 }, () => ({ name: 'a.png', bytes: PNG })), limits)).toEqual({
      ok: false,
      message: ATTACHMENT_MESSAGES.tooMany(3),
    });
    expect(checkAttachments([{ name: 'a.png', bytes: new Uint8Array() }], limits)).toMatchObject({ ok: false });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(checkAttachments([{ name: 'big.png', bytes: big }], limits)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.size('big.png', 5) });
    expect(checkAttachments([{ name: 'ok.png', bytes: big.subarray(0, 5 * 1024 * 1024) }], limits)).toMatchObject({ ok: true });
  });

  it('keeps only a harmless display name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\Скан "1".pdf')).toBe('Скан 1.pdf');
    expect(safeFileName('\u0000')).toBe('файл');
  });
});
