import type { CollectionConfig } from 'payload';
import { forgetRobotSettingsAfterCollectionChange, forgetRobotSettingsAfterCollectionDelete } from '../../appeals/settings/settings-cache';
import { textListField } from '../../fields/iso-date';
import { slugField } from '../../fields/slug';
import { publicContent } from '../../publishing/public-content';
import { COLLECTIONS } from '../../slugs';

/**
 * Settlements and districts the company serves. Clients may name theirs in a form («Населённый пункт / район»);
 * the appeal keeps the slug, and topic routing rules may send appeals from a territory to its own handler group.
 * Public reference data: the site's forms list them.
 */
export const Territories: CollectionConfig = publicContent(
  {
    slug: COLLECTIONS.territories,
    labels: { singular: 'Территория', plural: 'Территории (населённые пункты и районы)' },
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'order'] },
    defaultSort: 'order',
    // Registration routes by territory from the robot's cached settings (appeals/settings-cache.ts); a save drops them.
    hooks: { afterChange: [forgetRobotSettingsAfterCollectionChange], afterDelete: [forgetRobotSettingsAfterCollectionDelete] },
    fields: [
      { name: 'name', label: 'Название', type: 'text', required: true, admin: { description: 'Как его видит клиент в форме, например «г. Светлогорск» или «Заречный район».' } },
      slugField(),
      { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 },
      {
        // Outages may name streets of a settlement, and subscribers may narrow their alerts to streets: both choose
        // from this list, so a street is spelled one way everywhere.
        ...textListField('streets', 'Улицы'),
        admin: { initCollapsed: true, description: 'Улицы, которые можно указать в отключении и выбрать в подписке на уведомления. Для района можно не заполнять.' },
      },
    ],
  },
  { drafts: false },
);
