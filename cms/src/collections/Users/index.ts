import type { CollectionConfig } from 'payload';
import { isAdmin, isAdminField, isAdminOrSelf, isAdminOrSelfField, isAdminSelfOrHandlerColleague } from '../../access/roles';
import { readCmsEnv } from '../../env';
import { CHAT_OPERATOR_FIELDS } from '../../chat-console/operator-fields';
import { COLLECTIONS, ROLE_LABELS, ROLES } from '../../slugs';
import { requireTextCredentials } from './hooks/credential-types';
import { auditUnlock, auditUserChange, auditUserDelete } from './hooks/audit';
import { requireCurrentPassword } from './hooks/current-password';
import { limitColleagueFields } from './hooks/limit-colleague-fields';
import { hideLockedAccount, uniformLoginFailure } from './hooks/uniform-login';
import { enforcePasswordPolicy } from './password-policy';
import { passwordResetHtml, passwordResetSubject } from './reset-email';
import { deferResetLetter, queueResetLetter } from './reset-letter';

/** Staff accounts. Clients never log in: appeals need no account. */
export const Users: CollectionConfig = {
  slug: COLLECTIONS.users,
  labels: { singular: 'Сотрудник', plural: 'Сотрудники' },
  auth: {
    // Lock an account for 10 minutes after 5 wrong passwords: slows down guessing.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // The session cookie is `Secure` when the admin is served over https (CMS_PUBLIC_URL); behind a TLS proxy
    // without it, the REST route adds `Secure` on `X-Forwarded-Proto: https` (access/forged-requests.ts).
    cookies: { secure: readCmsEnv().CMS_PUBLIC_URL?.startsWith('https:') ?? false, sameSite: 'Lax' },
    // Absolute links from CMS_PUBLIC_URL, in Russian; sent by the job of reset-letter.ts, not inside the request.
    forgotPassword: { generateEmailHTML: passwordResetHtml, generateEmailSubject: passwordResetSubject },
  },
  hooks: {
    // «Забыли пароль?»: the letter is a job (reset-letter.ts), so the answer never waits on SMTP.
    beforeOperation: [requireTextCredentials, uniformLoginFailure, deferResetLetter],
    beforeValidate: [requireCurrentPassword, enforcePasswordPolicy],
    afterRead: [limitColleagueFields],
    afterChange: [auditUserChange],
    afterDelete: [auditUserDelete],
    afterOperation: [auditUnlock, queueResetLetter],
    afterError: [hideLockedAccount],
  },
  // Named by the person's name: handlers pick assignees from a list that shows them no e-mail addresses.
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles'] },
  custom: { accessProfile: 'users' },
  access: {
    read: isAdminSelfOrHandlerColleague,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // The 5-wrong-passwords lock must hold against colleagues too: only administrators lift it.
    unlock: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
    // Payload's own e-mail field, with field-level read access: colleagues (handlers choosing an assignee) can neither
    // read nor filter nor sort by someone else's e-mail — Payload's query validation refuses such `where`/`sort`.
    { name: 'email', type: 'email', access: { read: isAdminOrSelfField } },
    { name: 'name', label: 'Имя', type: 'text', required: true, defaultValue: 'Сотрудник' },
    // The signature of answers to appeals names the handler's position (the standards' letter rules).
    { name: 'position', label: 'Должность', type: 'text', admin: { description: 'Указывается в подписи ответов на обращения.' } },
    {
      name: 'roles',
      label: 'Роли',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
    },
    ...CHAT_OPERATOR_FIELDS,
    {
      // Asked for when a staff member changes their own e-mail or password (hooks/current-password.ts); never stored.
      name: 'currentPassword',
      label: 'Текущий пароль',
      type: 'text',
      virtual: true,
      admin: {
        components: { Field: '/components/CurrentPasswordField#CurrentPasswordField' },
        description: 'Нужен, только если вы меняете свой e-mail или пароль.',
        condition: (data, _sibling, { user }) => Boolean(user && data?.id !== undefined && String(data.id) === String(user.id)),
      },
    },
  ],
};
