import { ValidationError, type CollectionBeforeValidateHook } from 'payload';
import { documentFileProblem } from '@portal/core/file-signature';
import { COLLECTIONS } from '../../../slugs';

/** Refuses an upload whose type, extension and first bytes disagree (see core/src/file-signature.ts). */
export const checkDocumentFile: CollectionBeforeValidateHook = ({ data, req }) => {
  const file = req.file;
  if (!file) return data;
  const problem = documentFileProblem({ name: file.name, mimeType: file.mimetype, bytes: new Uint8Array(file.data) });
  if (problem) throw new ValidationError({ collection: COLLECTIONS.documentFiles, req, errors: [{ path: 'file', message: problem }] });
  return data;
};
