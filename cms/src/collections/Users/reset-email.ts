import type { PayloadRequest } from 'payload';
import { readCmsEnv } from '../../env';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The link of a password-reset letter: absolute, from `CMS_PUBLIC_URL` (a relative link in an e-mail leads nowhere).
 * Without `CMS_PUBLIC_URL` only the path can be given; README asks deployers to set it.
 */
export function passwordResetLink(token: string, publicUrl: string | undefined): string {
  const origin = publicUrl ? new URL(publicUrl).origin : '';
  return `${origin}/admin/reset/${encodeURIComponent(token)}`;
}

/** Subject of the password-reset letter. */
export const passwordResetSubject = (): string => 'Восстановление пароля — Интернет-приёмная';

/** Body of the password-reset letter, in Russian, with the absolute link. */
export function passwordResetHtml(args?: { req?: PayloadRequest; token?: string }): string {
  const token = args?.token;
  const link = escapeHtml(passwordResetLink(token ?? '', readCmsEnv().CMS_PUBLIC_URL));
  return (
    '<p>Здравствуйте!</p>' +
    '<p>Кто-то (возможно, вы) запросил восстановление пароля к системе управления сайтом. ' +
    `Чтобы задать новый пароль, откройте ссылку в течение часа:</p><p><a href="${link}">${link}</a></p>` +
    '<p>Если вы не запрашивали восстановление, ничего не делайте: пароль останется прежним.</p>'
  );
}
