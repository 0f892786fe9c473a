import type { GlobalConfig } from 'payload';
import { isAdmin, isAnyone } from '../../access/roles';
import { publicSettings } from '../../publishing/public-content';
import { GLOBALS } from '../../slugs';
import { forgetRobotSettingsAfterGlobalChange } from '../../appeals/settings-cache';

/** The company's public details: shown on the site and in every e-mail. */
export const CompanySettings: GlobalConfig = publicSettings(
  {
    slug: GLOBALS.companySettings,
    // The robot keeps a copy of these settings per process (appeals/settings-cache.ts); a save drops it.
    hooks: { afterChange: [forgetRobotSettingsAfterGlobalChange] },
    label: 'Настройки компании',
    access: { read: isAnyone, update: isAdmin },
    fields: [
      { name: 'name', label: 'Полное название', type: 'text', required: true },
      { name: 'shortName', label: 'Краткое название', type: 'text', required: true },
      { name: 'region', label: 'Регион', type: 'text', required: true },
      { name: 'timeZone', label: 'Часовой пояс (IANA)', type: 'text', required: true, defaultValue: 'Europe/Moscow' },
      { name: 'hotline', label: 'Телефон горячей линии', type: 'text', required: true },
      { name: 'email', label: 'E-mail для обращений', type: 'email', required: true },
      { name: 'address', label: 'Юридический адрес', type: 'text' },
      { name: 'privacyPolicyUrl', label: 'Адрес страницы политики конфиденциальности', type: 'text', defaultValue: '/privacy/' },
      {
        name: 'consentVersion',
        label: 'Версия текста согласия на обработку персональных данных',
        type: 'text',
        required: true,
        defaultValue: '2026-11-01',
        admin: { description: 'Сохраняется в каждом обращении: какой текст согласия принял клиент.' },
      },
      {
        name: 'handlersEmail',
        label: 'E-mail специалистов по обращениям',
        type: 'email',
        admin: { description: 'Сюда приходят уведомления о новых заявках и жалобах. Пусто — уведомления не отправляются.' },
      },
      {
        type: 'row',
        fields: [
          { name: 'readingsFromDay', label: 'Показания: с какого числа', type: 'number', required: true, defaultValue: 15, min: 1, max: 31 },
          { name: 'readingsToDay', label: 'Показания: по какое число', type: 'number', required: true, defaultValue: 25, min: 1, max: 31 },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'attachmentMaxMb', label: 'Вложения: размер файла, МБ', type: 'number', required: true, defaultValue: 5, min: 1, max: 50 },
          { name: 'attachmentMaxFiles', label: 'Вложения: файлов в обращении', type: 'number', required: true, defaultValue: 3, min: 0, max: 10 },
        ],
      },
    ],
  },
  { reviewBy: true },
);
