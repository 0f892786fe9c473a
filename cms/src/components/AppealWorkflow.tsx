import type { UIFieldServerProps } from 'payload';
import { ALLOWED_TRANSITIONS, APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { otherAppealsOfContact } from '../appeals/intake/repeated-appeals';
import { handlerGroupsInUse, suggestHandlerGroup } from '../appeals/intake/routing';
import { robotSettings, type RobotSettings } from '../appeals/settings/settings-cache';
import { extensionLimit } from '@portal/core/deadline-policy';
import type { AppealType } from '@portal/core/appeal-type';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { readHistory } from '../appeals/handling/transition';
import { COLLECTIONS } from '../slugs';
import { AppealTransitionForm } from './AppealTransitionForm';
import { formatStaffDate, formatStaffDateTime } from './staff-dates';

/** Dates the history's comments carry as `YYYY-MM-DD` («Новый срок: 2026-12-18»), shown in the admin's format. */
const readableDates = (text: string): string => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) => {
  try {
    return formatStaffDate(date);
  } catch {
    return date;
  }
});

/** How far this appeal's term may be extended under the deadlines table (the transition checks the same). */
async function extensionLimitOf(appeal: Record<string, unknown>, settings: RobotSettings) {
  const rule = await settings.ruleForAppeal(appeal.type as AppealType, (appeal.classifiedAs as AppealType | null | undefined) ?? null);
  return extensionLimit({
    rule,
    receivedLocalDate: toLocalIsoDate(new Date(String(appeal.receivedAt)), settings.company.timeZone),
    currentDeadline: String(appeal.deadlineDate),
    extensionsSoFar: readHistory(appeal.history).filter((entry) => entry.to === 'extended').length,
    settings: settings.deadlineSettings,
    calendar: settings.calendar,
  });
}

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
  const [suggestedGroup, others, settings] = await Promise.all([
    suggestHandlerGroup(payload, appeal.topic ? { id: appeal.topic as number | string } : null, territorySlug).catch(() => null),
    // Repeated appeals: the same client's other appeals by normalised e-mail or phone. This view is part of the
    // appeals collection, which only handlers and administrators can open.
    otherAppealsOfContact(payload, { id: appeal.id as number | string, email: appeal.email as string | null, phone: appeal.phone as string | null }),
    robotSettings(payload),
  ]);
  const timeZone = settings.company.timeZone;
  const at = (iso: string) => formatStaffDateTime(iso, timeZone);
  const adminLink = (id: string) => `/admin/collections/${COLLECTIONS.appeals}/${encodeURIComponent(id)}`;
  const history = readHistory(appeal.history);
  const templates = await payload.find({
    collection: COLLECTIONS.answerTemplates,
    // Answer templates only: the notice templates (refusal, extension …) frame the robot's notices, not answers.
    where: {
      and: [
        { or: [{ appealType: { equals: appeal.type } }, { appealType: { exists: false } }] },
        { or: [{ purpose: { equals: 'answer' } }, { purpose: { exists: false } }] },
      ],
    },
    depth: 0,
    limit: 100,
    sort: 'title',
    overrideAccess: true,
  });
  const label = (value: string) => (AppealStateSchema.safeParse(value).success ? APPEAL_STATE_LABELS[value as keyof typeof APPEAL_STATE_LABELS] : value);

  return (
    <section className="portal-appeal-workflow" aria-labelledby="appeal-workflow-title">
      <h2 id="appeal-workflow-title" className="portal-appeal-workflow__title">
        Рассмотрение: {state.success ? APPEAL_STATE_LABELS[state.data] : String(appeal.status)}
      </h2>
      {state.success ? (
        <AppealTransitionForm
          appealId={String(id)}
          currentState={state.data}
          earlierAnswered={others.filter((other) => other.answeredAt).map((other) => other.registrationNumber)}
          templates={templates.docs.map((doc) => ({ value: String(doc.id), label: String((doc as { title?: string }).title ?? doc.id) }))}
          groups={handlerGroupsInUse(settings.topicsById.values())}
          suggestedGroup={suggestedGroup ?? String(appeal.handlerGroup ?? '')}
          allowed={ALLOWED_TRANSITIONS[state.data].map((value) => ({ value, label: APPEAL_STATE_LABELS[value] }))}
          extension={ALLOWED_TRANSITIONS[state.data].includes('extended') ? await extensionLimitOf(appeal, settings) : undefined}
        />
      ) : null}
      <h3 className="portal-appeal-workflow__subtitle">Другие обращения этого заявителя</h3>
      {others.length === 0 ? (
        <p className="portal-appeal__muted">Других обращений с этим e-mail или телефоном нет.</p>
      ) : (
        <ul aria-label="Другие обращения этого заявителя" className="portal-appeal-workflow__others">
          {others.map((other) => (
            <li key={other.id}>
              <a href={adminLink(other.id)}>№ {other.registrationNumber}</a> от {at(other.receivedAt)} — {label(other.status)}
              {other.answeredAt ? `, ответ дан ${at(other.answeredAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3 className="portal-appeal-workflow__subtitle" id="appeal-history-title">
        История
      </h3>
      {history.length === 0 ? (
        <p className="portal-appeal__muted">Переходов пока не было.</p>
      ) : (
        <div className="portal-table-scroll" role="region" aria-label="История рассмотрения" tabIndex={0}>
          <table className="portal-table" aria-labelledby="appeal-history-title">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Переход</th>
                <th scope="col">Кто</th>
                <th scope="col">Комментарий</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td className="portal-table__nowrap">{at(entry.at)}</td>
                  <td>
                    {label(entry.from)} → {label(entry.to)}
                  </td>
                  <td>{entry.actor}</td>
                  <td className="portal-table__pre">
                    {readableDates(entry.comment ?? '')}
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
        </div>
      )}
    </section>
  );
}
