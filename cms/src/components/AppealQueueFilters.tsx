import type { Payload } from 'payload';
import { APPEAL_STATES } from '@portal/core/appeal-state';
import { APPEAL_CHANNEL_LABELS, APPEAL_CHANNELS } from '@portal/core/appeal-channel';
import { ANSWER_CHANNEL_LABELS } from '@portal/core/question-form';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { handlerGroupsInUse } from '../appeals/intake/routing';
import { robotSettings } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { appealStateLabel } from './appeal-view';
import { AppealQueueFilterBar } from './AppealQueueFilterBar';

/**
 * The filter bar above the appeals list (the handler's queue): state, deadline, group, topic, territory, answer
 * channel and «Мои». The choices come from the server (groups in use, topics, territories by name); the bar itself
 * is a client component that changes the list's query (cms/src/appeals/queue-filters.ts).
 */
export async function AppealQueueFilters({ payload, user }: { payload: Payload; user?: { id?: number | string } | null }) {
  const settings = await robotSettings(payload);
  // Groups of the rules, plus any group an appeal carries (routed before a rule changed, or typed by hand earlier).
  const stored = await payload
    .findDistinct({ collection: COLLECTIONS.appeals, field: 'handlerGroup', overrideAccess: true })
    .then((result) => result.values.map((row) => String((row as { handlerGroup?: unknown }).handlerGroup ?? '')).filter(Boolean))
    .catch(() => [] as string[]);
  const groups = [...new Set([...handlerGroupsInUse(settings.topicsById.values()), ...stored.map((group) => group.trim())])].sort((a, b) => a.localeCompare(b, 'ru'));
  return (
    <AppealQueueFilterBar
      today={toLocalIsoDate(new Date(), settings.company.timeZone)}
      userId={user?.id ?? null}
      states={APPEAL_STATES.map((value) => ({ value, label: appealStateLabel(value) }))}
      groups={groups.map((group) => ({ value: group, label: group }))}
      topics={[...settings.topicsById.values()].map((topic) => ({ value: String(topic.id), label: topic.title }))}
      territories={[...settings.territoryNamesBySlug.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'ru'))}
      channels={Object.entries(ANSWER_CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
      receivedChannels={APPEAL_CHANNELS.map((value) => ({ value, label: APPEAL_CHANNEL_LABELS[value] }))}
    />
  );
}
