import type { Payload, PayloadRequest } from 'payload';
import { applyTransition, AppealStateSchema, REJECTION_REASON_LABELS, TransitionRequestSchema, type TransitionLogEntry, type TransitionRequest } from '@portal/core/appeal-state';
import { dropClientNotice, holdClientNotice, releaseClientNotice, type NoticeAppeal, type NoticeFacts } from '../outbox/client-notices';
import { notifyOutbox } from '../outbox/outbox';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { ANSWER_CHANNEL_LABELS } from '@portal/core/question-form';
import { rolesOf } from '../../access/roles';
import { russianIssue } from '../../endpoints/russian-issue';
import { COLLECTIONS } from '../../slugs';
import { queueAnswer } from './answer-delivery';
import { fillAnswerTemplate } from './answer-template';
import { findEarlierAnswered } from '../intake/repeated-appeals';
import { loadCompany } from '../settings/settings';
import { robotSettings } from '../settings/settings-cache';
import { checkExtension } from '@portal/core/deadline-policy';
import type { AppealChannel } from '@portal/core/appeal-channel';
import type { AppealType } from '@portal/core/appeal-type';
import { claimStateChange, releaseStateChange, STATE_CHANGED_MESSAGE } from './state-claim';
import { surveyOnClosing } from './survey';

/** How a transition attempt ended, with the HTTP status the endpoint answers with. */
export type TransitionOutcome =
  | { ok: true; status: 200; appeal: { id: number | string; status: string; deadlineDate: string; history: TransitionLogEntry[] } }
  | { ok: false; status: 400 | 403 | 404 | 409; message: string; issues?: { path: string; message: string }[] };

/** The history stored on an appeal; anything malformed (never written by us) is dropped, not trusted. */
export function readHistory(value: unknown): TransitionLogEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is TransitionLogEntry =>
      typeof entry === 'object' && entry !== null && typeof (entry as TransitionLogEntry).to === 'string' && typeof (entry as TransitionLogEntry).at === 'string',
  );
}

/**
 * True while another handler's transition has moved the state (the compare-and-set below) but not yet written its
 * history entry: the last entry then leads to another state than the one stored. Acting now would build on a
 * history that is about to change, so the request is refused like any concurrent change. An appeal without
 * history (just registered, or stored by an import) has nothing in flight.
 */
export function transitionInFlight(status: string, history: unknown): boolean {
  const last = readHistory(history).at(-1);
  return last !== undefined && last.to !== status;
}

/** Who did it, as the history shows it: the staff member's name, or the e-mail when no name is set. */
function actorOf(req: PayloadRequest): string {
  const user = req.user as { name?: string | null; email?: string | null; id?: unknown } | null;
  return String(user?.name || user?.email || `user ${String(user?.id ?? '?')}`);
}

/**
 * Moves an appeal to another state on a handler's request: validates the request with the shared schema, asks the
 * core state machine, and stores status, deadline, the facts the target state carries and the history entry in one
 * update. The state machine is the only way to change `status` and `deadlineDate` (their field access refuses
 * direct edits), so this runs with `overrideAccess` after its own role check.
 */
export async function transitionAppeal(
  payload: Payload,
  req: PayloadRequest,
  id: string | number,
  body: unknown,
  now: () => Date = () => new Date(),
): Promise<TransitionOutcome> {
  const roles = rolesOf(req);
  if (!roles.includes('handler') && !roles.includes('admin')) return { ok: false, status: 403, message: 'Недостаточно прав.' };

  const parsed = TransitionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: russianIssue([issue], 'Выберите, пожалуйста, следующее состояние из списка и заполните нужные поля.') }));
    return { ok: false, status: 400, message: issues[0]!.message, issues };
  }
  const request = parsed.data;

  const current = (await payload
    .findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as Record<string, unknown> | null;
  if (!current) return { ok: false, status: 404, message: 'Обращение не найдено.' };

  const state = AppealStateSchema.safeParse(current.status);
  if (!state.success) return { ok: false, status: 409, message: 'У обращения неизвестное состояние; обратитесь к администратору.' };
  // The admin form sends the state it showed: a handler acting on a page another one has changed since is told
  // to reload rather than moving the appeal on from a state they never saw.
  const seen = typeof body === 'object' && body !== null ? (body as { from?: unknown }).from : undefined;
  if (typeof seen === 'string' && seen !== state.data) return { ok: false, status: 409, message: STATE_CHANGED_MESSAGE };
  if (transitionInFlight(state.data, current.history)) return { ok: false, status: 409, message: STATE_CHANGED_MESSAGE };
  const hasContact = Boolean(current.email || current.phone || current.postalAddress);
  const settings = await robotSettings(payload);
  const rule = await settings.ruleForAppeal(current.type as AppealType, (current.classifiedAs as AppealType | null | undefined) ?? null, (current.channel as AppealChannel | null | undefined) ?? null);
  const extensionsSoFar = readHistory(current.history).filter((entry) => entry.to === 'extended').length;
  const receivedLocalDate = toLocalIsoDate(new Date(String(current.receivedAt)), settings.company.timeZone);
  const result = applyTransition(
    {
      status: state.data,
      deadlineDate: String(current.deadlineDate),
      hasContact,
      checkExtension: (newDeadline) =>
        checkExtension({ rule, receivedLocalDate, currentDeadline: String(current.deadlineDate), newDeadline, extensionsSoFar, settings: settings.deadlineSettings, calendar: settings.calendar }),
    },
    request,
    { actor: actorOf(req), at: now() },
  );
  if (!result.ok) return { ok: false, status: 409, message: result.message };

  const history = [...readHistory(current.history), result.log];
  const facts: Record<string, unknown> = {};
  if (request.to === 'routed') facts.handlerGroup = request.group;
  if (request.to === 'rejected' && request.reason === 'repeated' && request.earlierAppeal) {
    // «Repeated without new arguments» must point at an earlier appeal of the same client that was answered.
    const earlier = await findEarlierAnswered(payload, current, request.earlierAppeal);
    if (!earlier.ok) return { ok: false, status: 400, message: earlier.message, issues: [{ path: 'earlierAppeal', message: earlier.message }] };
    result.log.relatedAppeal = earlier.appeal;
    if (earlier.appeal.answeredAt) result.log.comment = [result.log.comment, `Ответ на прежнее обращение дан ${formatRussianDate(earlier.appeal.answeredAt.slice(0, 10))}`].filter(Boolean).join('. ');
  }
  if (request.to === 'extended') facts.extensionReason = request.comment;
  let queueAnswerEmail = false;
  if (request.to === 'answered') {
    const letter = await answerLetter(payload, req, current, request.answer, request.template);
    if (letter === null) return { ok: false, status: 400, message: 'Выбранный шаблон ответа не найден.', issues: [{ path: 'template', message: 'Выбранный шаблон ответа не найден.' }] };
    facts.answer = letter;
    facts.answeredAt = result.log.at;
    // E-mail answers go out through the robot's outbox; for post and phone this transition is the handler's
    // record that the answer was given that way.
    queueAnswerEmail = current.answerChannel === 'email' && Boolean(current.email);
    facts.answerDelivery = queueAnswerEmail
      ? { state: 'pending', channel: 'email', attempts: 0, lastError: null }
      : { state: 'recorded', channel: String(current.answerChannel ?? ''), sentAt: result.log.at };
    if (!queueAnswerEmail) {
      const channel = ANSWER_CHANNEL_LABELS[String(current.answerChannel) as keyof typeof ANSWER_CHANNEL_LABELS] ?? String(current.answerChannel ?? '');
      result.log.comment = [result.log.comment, `Ответ дан специалистом: ${channel.toLowerCase()}`].filter(Boolean).join('. ');
    }
  }
  if (request.to === 'closed') facts.survey = surveyOnClosing({ registrationNumber: String(current.registrationNumber), email: current.email as string | null });
  // One winner per state: the compare-and-set moves the state only if nobody did since it was read above; the
  // history and the facts follow in the usual update. A failed follow-up gives the state back.
  const readUpdatedAt = typeof current.updatedAt === 'string' ? current.updatedAt : null;
  // The client's notice of the decision is stored first, held, and released once the decision is: a crash between the
  // writes leaves it to the outbox's sweep (client-notices.ts), never lost and never sent for a decision not made.
  const notice = noticeFacts(request, current, result.deadlineDate);
  const heldNotice = notice ? await holdClientNotice(payload, current as unknown as NoticeAppeal, notice, result.log.at) : null;
  const dropNotice = async () => {
    if (heldNotice !== null) await dropClientNotice(payload, heldNotice).catch(() => undefined);
  };
  if (!(await claimStateChange(payload, current.id as number | string, state.data, result.status, readUpdatedAt, now()))) {
    await dropNotice();
    return { ok: false, status: 409, message: STATE_CHANGED_MESSAGE };
  }
  let updated: Record<string, unknown>;
  try {
    updated = (await payload.update({
      collection: COLLECTIONS.appeals,
      id,
      depth: 0,
      overrideAccess: true,
      context: { appealTransition: result.log },
      data: { status: result.status, deadlineDate: result.deadlineDate, history, ...facts } as never,
    })) as unknown as Record<string, unknown>;
  } catch (error) {
    await releaseStateChange(payload, current.id as number | string, state.data, result.status);
    await dropNotice();
    throw error;
  }
  if (queueAnswerEmail) await queueAnswer(payload, updated.id as number);
  if (heldNotice !== null) {
    // A failure here leaves the notice held: the outbox's sweep releases it (its decision is in the history).
    const toSend = await releaseClientNotice(payload, heldNotice).catch(() => false);
    if (toSend) await notifyOutbox(payload);
  }
  return {
    ok: true,
    status: 200,
    appeal: { id: updated.id as number, status: String(updated.status), deadlineDate: String(updated.deadlineDate), history: readHistory(updated.history) },
  };
}

/** What the client is told of a decision that is not the answer, or null when the decision needs no notice. */
function noticeFacts(request: TransitionRequest, appeal: Record<string, unknown>, deadlineDate: string): NoticeFacts | null {
  switch (request.to) {
    case 'rejected':
      return {
        decision: 'rejected',
        reason: request.reason === 'repeated' && request.earlierAppeal
          ? `${REJECTION_REASON_LABELS.repeated} (ответ уже дан на обращение № ${request.earlierAppeal})`
          : REJECTION_REASON_LABELS[request.reason],
        deadlineDate: null,
      };
    case 'extended':
      return { decision: 'extended', reason: request.comment, deadlineDate };
    case 'needs-info':
      return { decision: 'needs-info', reason: request.comment, deadlineDate: String(appeal.deadlineDate) };
    case 'not-considered':
      return { decision: 'not-considered', reason: request.comment, deadlineDate: null };
    default:
      return null;
  }
}

/**
 * The answer letter: the handler's text framed by the chosen template (salutation, number and date, signature with
 * the handler's position), or the text as written without a template. Null when the template does not exist.
 */
async function answerLetter(payload: Payload, req: PayloadRequest, appeal: Record<string, unknown>, answer: string, templateId: string | undefined): Promise<string | null> {
  if (!templateId) return answer;
  const id = payload.db.defaultIDType === 'number' ? Number(templateId) : templateId;
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return null;
  const template = (await payload
    .findByID({ collection: COLLECTIONS.answerTemplates, id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)) as { body?: string } | null;
  if (!template?.body) return null;
  const company = await loadCompany(payload);
  const user = req.user as { name?: string | null; email?: string | null; position?: string | null } | null;
  return fillAnswerTemplate(template.body, {
    name: String(appeal.name ?? ''),
    number: String(appeal.registrationNumber ?? ''),
    date: formatRussianDate(toLocalIsoDate(new Date(String(appeal.receivedAt)), company.timeZone)),
    answer,
    handler: String(user?.name || user?.email || ''),
    position: String(user?.position ?? ''),
  });
}
