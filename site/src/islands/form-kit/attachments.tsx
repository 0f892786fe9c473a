import type { RefObject } from 'react';
import type { AttachmentLimits } from '@portal/core/attachments';
import { Field, type FieldBase } from './fields';

/** File input for attachments; the limits are stated in the hint. */
export function AttachmentsField({ kit, limits, inputRef }: { kit: FieldBase['kit']; limits: AttachmentLimits; inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <Field
      name="attachments"
      label="Файлы (необязательно)"
      kit={kit}
      hint={`Фото или сканы документов в формате JPG, PNG или PDF: до ${limits.maxFiles} файлов, каждый не больше ${limits.maxFileMb} МБ`}
    >
      {(a) => (
        <input
          className="file-input"
          type="file"
          multiple
          accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
          id={a.id}
          ref={inputRef}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
        />
      )}
    </Field>
  );
}
