import type { GlobalConfig } from 'payload';
import { isAnyone, isEditorOrAdmin } from '../../access/roles';
import { dateListField } from '../../fields/date-list';
import { publicSettings } from '../../publishing/public-content';
import { GLOBALS } from '../../slugs';
import { forgetRobotSettingsAfterGlobalChange } from '../../appeals/settings/settings-cache';

/**
 * The production calendar: non-working days and transfers per year. Every "working day" deadline uses it.
 * A year missing here is computed from the Labour Code rule and treated as unconfirmed.
 */
export const ProductionCalendar: GlobalConfig = publicSettings(
  {
    slug: GLOBALS.productionCalendar,
    // The robot keeps a copy of these settings per process (appeals/settings-cache.ts); a save drops it.
    hooks: { afterChange: [forgetRobotSettingsAfterGlobalChange] },
    label: 'Производственный календарь',
    access: { read: isAnyone, update: isEditorOrAdmin },
    custom: { accessProfile: 'editorial-settings' },
    fields: [
      {
        name: 'years',
        label: 'Годы',
        type: 'array',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'year', label: 'Год', type: 'number', required: true, min: 2000, max: 2100 },
              {
                name: 'confirmed',
                label: 'Подтверждён постановлением',
                type: 'checkbox',
                defaultValue: false,
                admin: { description: 'Снимите отметку, если переносы ещё не утверждены.' },
              },
            ],
          },
          { name: 'decree', label: 'Постановление о переносах', type: 'text' },
          dateListField('holidays', 'Нерабочие дни (будни)', 'Праздники и перенесённые выходные, приходящиеся на будни.'),
          dateListField('workingWeekends', 'Рабочие субботы и воскресенья', 'Выходные дни, ставшие рабочими из-за переносов.'),
          dateListField('shortDays', 'Сокращённые предпраздничные дни', 'Рабочий день короче на один час.'),
          dateListField('regionalHolidays', 'Региональные праздники', 'Дополнительные нерабочие дни, установленные в регионе.'),
        ],
      },
    ],
  },
  { onSite: false },
);
