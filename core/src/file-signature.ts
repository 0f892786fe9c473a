/**
 * Checks an uploaded document by its first bytes, not by the name or the browser's claimed type: a file
 * published on the site must really be the document format it says it is.
 */

/** Document formats the site publishes, by MIME type, with the extensions each may carry. */
export const DOCUMENT_FORMATS = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/rtf': ['rtf'],
} as const satisfies Record<string, readonly string[]>;
export type DocumentMimeType = keyof typeof DOCUMENT_FORMATS;
export const DOCUMENT_MIME_TYPES = Object.keys(DOCUMENT_FORMATS) as DocumentMimeType[];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK.. (OOXML and OpenDocument are ZIP containers)
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

function signatureMatches(mimeType: DocumentMimeType, bytes: Uint8Array): boolean {
  if (mimeType === 'application/pdf') return startsWith(bytes, PDF);
  if (mimeType === 'application/rtf') return startsWith(bytes, RTF);
  return startsWith(bytes, ZIP);
}

/**
 * Why the file may not be published (a Russian message for the editor), or null when its type, extension
 * and content agree and the type is allowed.
 */
export function documentFileProblem(file: { name: string; mimeType: string; bytes: Uint8Array }): string | null {
  const formats = DOCUMENT_FORMATS as Record<string, readonly string[]>;
  const extensions = formats[file.mimeType];
  if (!extensions) return 'Можно загрузить только документы PDF, DOCX, XLSX, ODT, ODS или RTF.';
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  if (!extensions.includes(extension)) return `Расширение файла «.${extension}» не соответствует его типу. Пожалуйста, проверьте файл.`;
  if (!signatureMatches(file.mimeType as DocumentMimeType, file.bytes)) {
    return 'Содержимое файла не соответствует его типу: возможно, файл повреждён или переименован. Пожалуйста, сохраните документ заново и загрузите ещё раз.';
  }
  return null;
}
