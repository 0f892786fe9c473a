import path from 'node:path';
import type { CollectionConfig } from 'payload';
import { DOCUMENT_MIME_TYPES } from '@portal/core/file-signature';
import { isAnyone, isEditorOrAdmin } from '../../access/roles';
import { COLLECTIONS } from '../../slugs';
import { checkDocumentFile } from './hooks/check-file';

/** Files of published documents live beside the database, never inside the source tree. */
export function documentFilesDir(databaseUrl: string | undefined, root: string): string {
  if (databaseUrl?.startsWith('file:')) return path.join(path.dirname(databaseUrl.slice('file:'.length)), 'uploads', 'documents');
  return path.join(root, 'var', 'uploads', 'documents');
}

/**
 * Document files (PDF, DOCX, XLSX, ODT, ODS, RTF) attached to versions of documents. Public to read: they are
 * published documents. Type, extension and content are checked together on upload.
 */
export function documentFilesCollection(staticDir: string): CollectionConfig {
  return {
    slug: COLLECTIONS.documentFiles,
    labels: { singular: 'Файл документа', plural: 'Файлы документов' },
    admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'title', 'filesize', 'updatedAt'] },
    access: { read: isAnyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
    custom: { accessProfile: 'public-files' },
    upload: {
      staticDir,
      mimeTypes: [...DOCUMENT_MIME_TYPES],
      allowRestrictedFileTypes: false,
      // Documents are never images: no resizing, cropping or focal points.
      crop: false,
      focalPoint: false,
      bulkUpload: false,
    },
    hooks: { beforeValidate: [checkDocumentFile] },
    fields: [{ name: 'title', label: 'Подпись', type: 'text' }],
  };
}
