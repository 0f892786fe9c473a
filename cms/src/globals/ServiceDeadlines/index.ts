import type { GlobalConfig } from 'payload';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES } from '@portal/core/appeal-type';
import { DEADLINE_POLICIES, DEADLINE_POLICY_LABELS } from '@portal/core/deadline-policy';
import { isAdmin, isAnyone } from '../../access/roles';
import { publicSettings } from '../../publishing/public-content';
import { GLOBALS } from '../../slugs';
import { forgetRobotSettingsAfterGlobalChange } from '../../appeals/settings/settings-cache';

/** Service deadlines per appeal type: the registration e-mail states the date computed from this table. */
export const ServiceDeadlines: GlobalConfig = publicSettings(
  {
    slug: GLOBALS.serviceDeadlines,
    // The robot keeps a copy of these settings per process (appeals/settings-cache.ts); a save drops it.
    hooks: { afterChange: [forgetRobotSettingsAfterGlobalChange] },
    label: 'Сроки обслуживания',
    access: { read: isAnyone, update: isAdmin },
    fields: [
      {
        name: 'policy',
        label: 'Какой стандарт применяет компания',
        type: 'select',
        required: true,
        defaultValue: 'service-standard',
        options: DEADLINE_POLICIES.map((value) => ({ value, label: DEADLINE_POLICY_LABELS[value] })),
        admin: {
          description:
            '«Стандарт обслуживания клиентов»: вопрос — строка «question», жалоба — строка «complaint». «Стандарт качества обслуживания потребителей»: вопрос — строка «interactive-question» (3 рабочих дня, продление до 10 рабочих дней с даты поступления), жалоба — строка «complaint-59-fz» (30 календарных дней: для жалоб граждан срок Федерального закона № 59-ФЗ имеет приоритет). Письма на электронную почту до классификации — строка «email», после — строка того вида, который выбрал специалист. Обращения, поступившие по почте: регистрация — строка «written-registration» (2 рабочих дня), ответ — строка «written-appeal» (20 календарных дней); пока этих строк нет в таблице, действуют значения по умолчанию.',
        },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'extensionCalendarDays',
            label: 'Продление не более чем на, календарных дней',
            type: 'number',
            required: true,
            defaultValue: 8,
            min: 1,
            max: 60,
            admin: { description: 'Для строк без «Продлённого срока»: Стандарт обслуживания клиентов — не более 8 календарных дней.' },
          },
          {
            name: 'extensionsAllowed',
            label: 'Сколько раз можно продлить срок',
            type: 'number',
            required: true,
            defaultValue: 1,
            min: 1,
            max: 5,
            admin: { description: 'Стандарты предусматривают одно продление.' },
          },
        ],
      },
      {
        name: 'rules',
        label: 'Сроки',
        type: 'array',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'appealType', label: 'Вид обращения', type: 'text', required: true, admin: { description: `Код: ${APPEAL_TYPES.map((t) => `${t} — ${APPEAL_TYPE_LABELS[t]}`).join('; ')}` } },
              { name: 'days', label: 'Срок, дней', type: 'number', required: true, min: 1, max: 365 },
              { name: 'unit', label: 'Какие дни', type: 'select', required: true, defaultValue: 'working', options: [
                { value: 'working', label: 'рабочие' },
                { value: 'calendar', label: 'календарные' },
              ] },
              { name: 'extendedDays', label: 'Продлённый срок, дней', type: 'number', min: 1, max: 365, admin: { description: 'Если срок можно продлить' } },
            ],
          },
          { name: 'title', label: 'Название', type: 'text', required: true },
          { name: 'note', label: 'Пояснение для клиента', type: 'text' },
          { name: 'source', label: 'Основание', type: 'text' },
        ],
      },
    ],
  },
  { onSite: false },
);
