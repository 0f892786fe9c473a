import type { Payload } from 'payload';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MESSAGES, type CheckedFile } from '@portal/core/attachments';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { COLLECTIONS } from '../../slugs';

/**
 * Stores checked files in the private attachments collection and returns their ids. The stored name is
 * random (the client's name is kept as a field): a file name never reveals or collides with another client's.
 * All or nothing: when one file is refused (damaged) or cannot be stored, the ones stored before it are removed
 * at once, so a refused submission leaves no files behind (the hourly orphan sweep catches what this cannot).
 */
export async function storeAttachments(payload: Payload, files: readonly CheckedFile[]): Promise<(number | string)[]> {
  const ids: (number | string)[] = [];
  try {
    for (const file of files) ids.push(await storeOne(payload, file));
  } catch (error) {
    await removeAttachments(payload, ids);
    throw error;
  }
  return ids;
}

/**
 * Removes stored attachments (records and their files) that no appeal will link: the files of a refused or
 * failed submission. Best effort — a failure is logged and left to the orphan sweep, never hiding the first error.
 */
export async function removeAttachments(payload: Payload, ids: readonly (number | string)[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    // Payload removes each record's file from the upload directory with it.
    await payload.delete({ collection: COLLECTIONS.appealAttachments, where: { id: { in: [...ids] } }, overrideAccess: true });
  } catch (error) {
    payload.logger.warn({ err: error instanceof Error ? error.name : typeof error, count: ids.length }, 'could not remove the attachments of a refused submission; the orphan sweep will');
  }
}

async function storeOne(payload: Payload, file: CheckedFile): Promise<number | string> {
  const name = `${crypto.randomUUID()}.${ATTACHMENT_EXTENSIONS[file.mimeType]}`;
  let doc: { id: number | string };
  try {
    doc = await payload.create({
      collection: COLLECTIONS.appealAttachments,
      overrideAccess: true,
      depth: 0,
      data: { originalName: file.safeName } as never,
      file: { data: Buffer.from(file.bytes), mimetype: file.mimeType, name, size: file.bytes.byteLength },
    });
  } catch (error) {
    // Payload reads image dimensions; a file with the right signature but a broken header fails there with
    // a 400-class error (FileUploadError / ValidationError). Database trouble has no such status.
    if ((error as { status?: unknown }).status === 400) {
      throw new FieldRejectedError('attachments', ATTACHMENT_MESSAGES.damaged(file.safeName), { cause: error });
    }
    throw error;
  }
  return doc.id;
}
