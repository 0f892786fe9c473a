import type { Payload } from 'payload';
import { robotSettings } from '../appeals/settings/settings-cache';
import { RegisterAppealForm } from './RegisterAppealForm';

/**
 * «Зарегистрировать обращение» above the appeals list: handlers and administrators register an appeal received by
 * phone, in an office, by post or in a chat in the same register (POST /api/appeals/register checks the role again).
 */
export async function RegisterAppealAction({ payload, user }: { payload: Payload; user?: { roles?: string[] } | null }) {
  const roles = user?.roles ?? [];
  if (!roles.includes('handler') && !roles.includes('admin')) return null;
  const settings = await robotSettings(payload);
  const topics = [...settings.topicsBySlug.values()].map((topic) => ({ value: topic.slug, label: topic.title })).sort((a, b) => a.label.localeCompare(b.label, 'ru'));
  return <RegisterAppealForm topics={topics} />;
}
