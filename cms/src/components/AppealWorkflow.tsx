import type { UIFieldServerProps } from 'payload';
import { ALLOWED_TRANSITIONS, APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { readHistory } from '../appeals/transition';
import { COLLECTIONS } from '../slugs';
import { AppealTransitionForm } from './AppealTransitionForm';

const TIME_ZONE = 'Europe/Moscow';

/**
 * The top of an appeal's edit view: its state, the transitions the state machine allows from it (with the fields
 * each needs) and the full history. Rendered on the server from the stored document, so it always shows what
 * was saved, not what the form holds.
 */
export async function AppealWorkflow({ payload, id }: UIFieldServerProps) {
  if (id === undefined || id === null) return null;
  const appeal = (await payload
    .findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as Record<string, unknown> | null;
  if (!appeal) return null;
  const state = AppealStateSchema.safeParse(appeal.status);
  // Routing by topic: the topic's handler group is offered as the default when passing the appeal on.
  const topic = appeal.topic
    ? ((await payload.findByID({ collection: COLLECTIONS.topics, id: appeal.topic as number, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as { handlerGroup?: string | null } | null)
    : null;
  const history = readHistory(appeal.history);
  const templates = await payload.find({
    collection: COLLECTIONS.answerTemplates,
    where: { or: [{ appealType: { equals: appeal.type } }, { appealType: { exists: false } }] },
    depth: 0,
    limit: 100,
    sort: 'title',
    overrideAccess: true,
  });
  const label = (value: string) => (AppealStateSchema.safeParse(value).success ? APPEAL_STATE_LABELS[value as keyof typeof APPEAL_STATE_LABELS] : value);

  return (
    <section className="field-type portal-appeal-workflow" aria-labelledby="appeal-workflow-title" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h2 id="appeal-workflow-title" style={{ fontSize: '1.1rem', margin: '0 0 0.5rem' }}>
        Рассмотрение: {state.success ? APPEAL_STATE_LABELS[state.data] : String(appeal.status)}
      </h2>
      {state.success ? (
        <AppealTransitionForm
          appealId={String(id)}
          templates={templates.docs.map((doc) => ({ value: String(doc.id), label: String((doc as { title?: string }).title ?? doc.id) }))}
          suggestedGroup={topic?.handlerGroup ?? String(appeal.handlerGroup ?? '')}
          allowed={ALLOWED_TRANSITIONS[state.data].map((value) => ({ value, label: APPEAL_STATE_LABELS[value] }))}
        />
      ) : null}
      <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.25rem' }}>История</h3>
      {history.length === 0 ? (
        <p style={{ margin: 0 }}>Переходов пока не было.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>Когда</th>
              <th scope="col" style={{ textAlign: 'left' }}>Переход</th>
              <th scope="col" style={{ textAlign: 'left' }}>Кто</th>
              <th scope="col" style={{ textAlign: 'left' }}>Комментарий</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => (
              <tr key={`${entry.at}-${index}`}>
                <td>{formatRussianDateTime(toLocalIsoDateTime(new Date(entry.at), TIME_ZONE))}</td>
                <td>
                  {label(entry.from)} → {label(entry.to)}
                </td>
                <td>{entry.actor}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{entry.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
