import { describe, expect, it } from 'vitest';
import type { ExportDocument } from '@portal/core/site-export';
import { documentFileNames, documentFileSource } from '../src/lib/document-files';

const doc = (fileUrl: string) =>
  ({ slug: 'd', title: 'Д', kind: 'sample', audience: 'all', description: '', versions: [{ version: '1', approvedAt: '2026-01-01', note: '', fileUrl, fileName: '', fileSize: 0 }] }) as ExportDocument;

describe('document files', () => {
  it('lists each published file once, by name', () => {
    expect(documentFileNames({ documents: [doc('/spravka/dokumenty/faily/obrazec%201.pdf'), doc('/spravka/dokumenty/faily/obrazec%201.pdf'), doc('')] })).toEqual(['obrazec 1.pdf']);
  });

  it('fetches files from the CMS that served the snapshot, or from SITE_DOCUMENT_FILES_URL', () => {
    expect(documentFileSource('obrazec 1.pdf', { SITE_EXPORT_URL: 'http://127.0.0.1:3001/api/site-export' })).toBe('http://127.0.0.1:3001/api/document-files/file/obrazec%201.pdf');
    expect(documentFileSource('a.pdf', { SITE_DOCUMENT_FILES_URL: 'http://files.local/docs' })).toBe('http://files.local/docs/a.pdf');
    expect(() => documentFileSource('a.pdf', {})).toThrow(/SITE_EXPORT_URL or SITE_DOCUMENT_FILES_URL/);
  });
});
