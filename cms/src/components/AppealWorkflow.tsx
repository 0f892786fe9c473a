import type { UIFieldServerProps } from 'payload';
import { ALLOWED_TRANSITIONS, APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { formatRussianDateTime, toLocalIsoDateTime } from '@portal/core/time-zone';
import { otherAppealsOfContact } from '../appeals/repeated-appeals';
import { suggestHandlerGroup } from '../appeals/routing';
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
  // Routing by topic and territory (cms/src/appeals/routing.ts): the rules' group is offered as the default when
  // passing the appeal on; without a rule, the group stored at registration.
  const territorySlug = typeof appeal.territory === 'string' ? appeal.territory : null;
  const [suggestedGroup, others, territory] = await Promise.all([
    suggestHandlerGroup(payload, appeal.topic ? { id: appeal.topic as number | string } : null, territorySlug).catch(() => null),
    // Repeated appeals: the same client's other appeals by normalised e-mail or phone. This view is part of the
    // appeals collection, which only handlers and administrators can open.
    otherAppealsOfContact(payload, { id: appeal.id as number | string, email: appeal.email as string | null, phone: appeal.phone as string | null }),
    territorySlug
      ? payload.find({ collection: COLLECTIONS.territories, where: { slug: { equals: territorySlug } }, limit: 1, depth: 0, overrideAccess: true, pagination: false })
      : Promise.resolve(null),
  ]);
  const territoryName = territory?.docs[0] ? String((territory.docs[0] as { name?: string }).name ?? territorySlug) : territorySlug;
  const adminLink = (id: string) => `/admin/collections/${COLLECTIONS.appeals}/${encodeURIComponent(id)}`;
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
      {territoryName ? <p style={{ margin: '0 0 0.5rem' }}>Населённый пункт / район: {territoryName}</p> : null}
      {state.success ? (
        <AppealTransitionForm
          appealId={String(id)}
          currentState={state.data}
          earlierAnswered={others.filter((other) => other.answeredAt).map((other) => other.registrationNumber)}
          templates={templates.docs.map((doc) => ({ value: String(doc.id), label: String((doc as { title?: string }).title ?? doc.id) }))}
          suggestedGroup={suggestedGroup ?? String(appeal.handlerGroup ?? '')}
          allowed={ALLOWED_TRANSITIONS[state.data].map((value) => ({ value, label: APPEAL_STATE_LABELS[value] }))}
        />
      ) : null}
      <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.25rem' }}>Другие обращения этого заявителя</h3>
      {others.length === 0 ? (
        <p style={{ margin: 0 }}>Других обращений с этим e-mail или телефоном нет.</p>
      ) : (
        <ul aria-label="Другие обращения этого заявителя" style={{ margin: 0, paddingLeft: '1.25rem' }}>
          {others.map((other) => (
            <li key={other.id}>
              <a href={adminLink(other.id)}>№ {other.registrationNumber}</a> от {formatRussianDateTime(toLocalIsoDateTime(new Date(other.receivedAt), TIME_ZONE))} —{' '}
              {label(other.status)}
              {other.answeredAt ? `, ответ дан ${formatRussianDateTime(toLocalIsoDateTime(new Date(other.answeredAt), TIME_ZONE))}` : ''}
            </li>
          ))}
        </ul>
      )}
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
                <td style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.comment ?? ''}
                  {entry.relatedAppeal ? (
                    <>
                      {' '}
                      <a href={adminLink(entry.relatedAppeal.id)}>Прежнее обращение № {entry.relatedAppeal.registrationNumber} и ответ на него</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
