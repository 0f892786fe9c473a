import type { CollectionConfig } from 'payload';
import { COLLECTIONS } from '../../slugs';
import { isStaffField } from '../../access/roles';
import { slugField } from '../../fields/slug';
import { publicContent } from '../../publishing/public-content';
import { redirectEntriesOfRenamedTopic, topicPublicPath } from '../../publishing/public-paths';
import { forgetRobotSettingsAfterCollectionChange, forgetRobotSettingsAfterCollectionDelete } from '../../appeals/settings/settings-cache';
import { reindexFaqAfterTopicChange, reindexFaqAfterTopicDelete } from './hooks/reindex-faq';

/**
 * The unified classifier of appeal topics (ЕКТО): one list drives FAQ sections, form topics, routing and reports.
 */
export const Topics: CollectionConfig = publicContent(
  {
    slug: COLLECTIONS.topics,
    labels: { singular: 'Тема', plural: 'Темы (классификатор)' },
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'order'] },
    defaultSort: 'order',
    hooks: {
      afterChange: [reindexFaqAfterTopicChange, redirectEntriesOfRenamedTopic, forgetRobotSettingsAfterCollectionChange],
      afterDelete: [reindexFaqAfterTopicDelete, forgetRobotSettingsAfterCollectionDelete],
    },
    fields: [
      { name: 'title', label: 'Название', type: 'text', required: true },
      slugField(),
      { name: 'description', label: 'Описание', type: 'textarea' },
      { name: 'order', label: 'Порядок', type: 'number', defaultValue: 0 },
      {
        // Internal routing, never published: the site export lists topic fields explicitly, and the field is
        // readable by staff only.
        name: 'handlerGroup',
        label: 'Группа исполнителей',
        type: 'text',
        access: { read: isStaffField },
        admin: { description: 'Обращения по этой теме предлагается передавать этой группе специалистов.' },
      },
      {
        // Routing rules topic × territory: a rule for the appeal's territory beats the topic's group above
        // (cms/src/appeals/routing.ts). Internal like the group itself.
        name: 'territoryRoutes',
        label: 'Группы по территориям',
        type: 'array',
        access: { read: isStaffField },
        labels: { singular: 'Правило', plural: 'Правила' },
        admin: { description: 'Обращения по этой теме с указанной территории передаются своей группе; для остальных территорий действует группа выше.' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'territory', label: 'Территория', type: 'relationship', relationTo: COLLECTIONS.territories, required: true },
              { name: 'handlerGroup', label: 'Группа исполнителей', type: 'text', required: true },
            ],
          },
        ],
      },
    ],
  },
  { drafts: false, publicPath: topicPublicPath },
);
