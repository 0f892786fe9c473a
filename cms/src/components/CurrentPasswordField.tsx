'use client';
import type { TextFieldClientProps } from 'payload';
import { PasswordField } from '@payloadcms/ui';

/**
 * «Текущий пароль» on one's own account (Users' `currentPassword`): Payload's masked password input, without its
 * new-password rules and not required — the server asks for it only when the e-mail or the password changes
 * (collections/Users/hooks/current-password.ts) and answers on this field when it is missing or wrong.
 */
export function CurrentPasswordField({ field, path }: TextFieldClientProps) {
  return <PasswordField autoComplete="current-password" field={{ ...field, required: false }} path={path ?? field.name} validate={() => true} />;
}
