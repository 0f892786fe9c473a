import type { Payload } from 'payload';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MESSAGES, type CheckedFile } from '@portal/core/attachments';
import { FieldRejectedError } from '@portal/core/appeal-contract';
import { COLLECTIONS } from '../../slugs';

/**
 * Stores checked files in the private attachments collection and returns their ids. The stored name is
 * random (the client's name is kept as a field): a file name never reveals or collides with another client's.
 */
export async function storeAttachments(payload: Payload, files: readonly CheckedFile[]): Promise<(number | string)[]> {
  const ids: (number | string)[] = [];
  for (const file of files) {
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
    ids.push(doc.id);
  }
  return ids;
}
