import type { CollectionConfig } from 'payload';
import { isAdmin, isAdminField, isAdminOrSelf, isAdminSelfOrHandlerColleague } from '../../access/roles';
import { COLLECTIONS, ROLE_LABELS, ROLES } from '../../slugs';
import { limitColleagueFields } from './hooks/limit-colleague-fields';
import { enforcePasswordPolicy } from './password-policy';

/** Staff accounts. Clients never log in: appeals need no account. */
export const Users: CollectionConfig = {
  slug: COLLECTIONS.users,
  labels: { singular: 'Сотрудник', plural: 'Сотрудники' },
  auth: {
    // Lock an account for 10 minutes after 5 wrong passwords: slows down guessing.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  hooks: { beforeValidate: [enforcePasswordPolicy], afterRead: [limitColleagueFields] },
  // Named by the person's name: handlers pick assignees from a list that shows them no e-mail addresses.
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles'] },
  custom: { accessProfile: 'users' },
  access: {
    read: isAdminSelfOrHandlerColleague,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
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
  ],
};
