import { describe, expect, it } from 'vitest';
import { documentFileProblem } from './file-signature';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('documentFileProblem', () => {
  it('accepts a real PDF and a DOCX (ZIP container)', () => {
    expect(documentFileProblem({ name: 'dogovor.pdf', mimeType: 'application/pdf', bytes: bytes('%PDF-1.7\n...') })).toBeNull();
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(documentFileProblem({ name: 'Obrazec.DOCX', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: docx })).toBeNull();
  });

  it('refuses HTML or scripts renamed to .pdf', () => {
    expect(documentFileProblem({ name: 'dogovor.pdf', mimeType: 'application/pdf', bytes: bytes('<html><script>alert(1)</script>') })).toMatch(/не соответствует его типу/);
  });

  it('refuses types outside the list and mismatched extensions', () => {
    expect(documentFileProblem({ name: 'x.svg', mimeType: 'image/svg+xml', bytes: bytes('<svg/>') })).toMatch(/только документы/);
    expect(documentFileProblem({ name: 'x.exe', mimeType: 'application/pdf', bytes: bytes('%PDF-1.4') })).toMatch(/Расширение файла/);
  });
});
