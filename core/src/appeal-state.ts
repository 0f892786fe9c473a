import { z } from 'zod';
import { isIsoDate } from './iso-date';
import { formatRussianDate } from './time-zone';

/**
 * The life of an appeal, from the service standards: received → registered → (rejected with notice | not
 * considered) → routed → in progress (→ needs information from the client → back; → postponed → back;
 * → extended with notice) → answered → closed. One table of allowed transitions; everything else is refused.
 */
export const APPEAL_STATES = [
  'received',
  'registered',
  'rejected',
  'not-considered',
  'routed',
  'in-progress',
  'needs-info',
  'postponed',
  'extended',
  'answered',
  'closed',
] as const;

export const AppealStateSchema = z.enum(APPEAL_STATES, { error: 'Неизвестное состояние обращения' });
export type AppealState = z.output<typeof AppealStateSchema>;

/** Russian names for handlers and for the client's status page. */
export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  received: 'Получено',
  registered: 'Зарегистрировано',
  rejected: 'Отклонено с уведомлением',
  'not-considered': 'Не рассматривается',
  routed: 'Передано исполнителю',
  'in-progress': 'В работе',
  'needs-info': 'Запрошены сведения у заявителя',
  postponed: 'Отложено',
  extended: 'Срок рассмотрения продлён',
  answered: 'Дан ответ',
  closed: 'Закрыто',
};

/** Where each state may go next. Closed is final. */
export const ALLOWED_TRANSITIONS: Readonly<Record<AppealState, readonly AppealState[]>> = {
  received: ['registered', 'not-considered'],
  registered: ['routed', 'rejected', 'not-considered'],
  routed: ['in-progress', 'routed', 'rejected'],
  'in-progress': ['needs-info', 'postponed', 'extended', 'answered', 'routed'],
  'needs-info': ['in-progress'],
  postponed: ['in-progress'],
  extended: ['in-progress', 'needs-info', 'answered'],
  answered: ['closed'],
  rejected: ['closed'],
  'not-considered': ['closed'],
  closed: [],
};

/** True when the table allows going from `from` to `to`. */
export function canTransition(from: AppealState, to: AppealState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Grounds for rejecting an appeal with a notice, as the standards list them. */
export const REJECTION_REASONS = ['abusive', 'unreadable', 'repeated', 'secret'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  abusive: 'содержит нецензурные или оскорбительные выражения',
  unreadable: 'текст не поддаётся прочтению',
  repeated: 'повторное обращение без новых доводов',
  // 000 L421, 002 L749: «сведения, составляющие коммерческую тайну», widened to any secret the law protects.
  secret: 'ответ невозможен без разглашения сведений, составляющих охраняемую законом тайну',
};

const COMMENT_TOO_LONG = 'Комментарий слишком длинный: не больше 2000 символов';
const comment = z.string().trim().max(2000, { error: COMMENT_TOO_LONG });
/** A comment the target state needs: missing, empty and blank all get the same message naming what to write. */
const requiredComment = (message: string) => z.string({ error: message }).trim().min(1, { error: message }).max(2000, { error: COMMENT_TOO_LONG });

/** Messages of the transition request, per field: each names the field it is about. */
export const TRANSITION_MESSAGES = {
  to: 'Выберите следующее состояние из списка',
  group: 'Выберите группу исполнителей',
  reason: 'Выберите основание для отказа',
  earlierAppeal: 'Для повторного обращения укажите номер прежнего обращения, на которое уже дан ответ',
  newDeadline: 'Укажите новый срок ответа: дату в формате ГГГГ-ММ-ДД, например 2026-12-01',
  notConsidered: 'Укажите, почему обращение не рассматривается',
  needsInfo: 'Опишите, какие сведения нужны от заявителя',
  postponed: 'Укажите причину, по которой рассмотрение отложено',
  extended: 'Укажите причину продления срока: она будет сообщена заявителю',
  answer: 'Напишите ответ: хотя бы 10 символов',
} as const;
const T = TRANSITION_MESSAGES;

/**
 * What a handler asks for. Each target state carries the facts it needs: a rejection its ground (and, for a
 * repeated appeal, the earlier one), an extension its new date and reason, an answer its text. A missing fact
 * gets the message of its own field (path = the field's name), never a generic one.
 */
export const TransitionRequestSchema = z.discriminatedUnion(
  'to',
  [
    z.object({ to: z.literal('registered'), comment: comment.optional() }),
    z.object({ to: z.literal('not-considered'), comment: requiredComment(T.notConsidered) }),
    z.object({
      to: z.literal('rejected'),
      reason: z.enum(REJECTION_REASONS, { error: T.reason }),
      earlierAppeal: z.string().trim().max(40).optional(),
      comment: comment.optional(),
    }).refine((value) => value.reason !== 'repeated' || Boolean(value.earlierAppeal), {
      error: T.earlierAppeal,
      path: ['earlierAppeal'],
    }),
    z.object({ to: z.literal('routed'), group: z.string({ error: T.group }).trim().min(1, { error: T.group }).max(100, { error: 'Название группы слишком длинное: не больше 100 символов' }), comment: comment.optional() }),
    z.object({ to: z.literal('in-progress'), comment: comment.optional() }),
    z.object({ to: z.literal('needs-info'), comment: requiredComment(T.needsInfo) }),
    z.object({ to: z.literal('postponed'), comment: requiredComment(T.postponed) }),
    z.object({
      to: z.literal('extended'),
      newDeadline: z.string({ error: T.newDeadline }).refine(isIsoDate, { error: T.newDeadline }),
      comment: requiredComment(T.extended),
    }),
    z.object({
      to: z.literal('answered'),
      answer: z.string({ error: T.answer }).trim().min(10, { error: T.answer }).max(20000, { error: 'Ответ слишком длинный: не больше 20 000 символов' }),
      /** Id of the answer template the letter is framed with (salutation, number and date, signature). */
      template: z.string().trim().max(40).optional(),
      comment: comment.optional(),
    }),
    z.object({ to: z.literal('closed'), comment: comment.optional() }),
  ],
  { error: T.to },
);
export type TransitionRequest = z.output<typeof TransitionRequestSchema>;

/** One line of the appeal's history: who moved it where, when, and why. */
export interface TransitionLogEntry {
  from: AppealState;
  to: AppealState;
  at: string;
  actor: string;
  comment?: string;
  /** The earlier appeal a «repeated» rejection points to (shown as a link on the appeal). */
  relatedAppeal?: { id: string; registrationNumber: string; answeredAt?: string };
}

/** The parts of an appeal a transition reads. */
export interface AppealForTransition {
  status: AppealState;
  deadlineDate: string;
  /** True when the client left no way to be answered. */
  hasContact: boolean;
  /**
   * The deadlines table's verdict on an extension to `newDeadline` (its cap and how many are allowed): a Russian
   * refusal, or null when it is within the table. Without it only «later than the current deadline» is checked.
   */
  checkExtension?: (newDeadline: string) => string | null;
}

export type TransitionResult =
  | { ok: true; status: AppealState; log: TransitionLogEntry; deadlineDate: string }
  | { ok: false; message: string };

/**
 * Applies a handler's request to an appeal, or explains in Russian why it cannot be done. Pure: the caller
 * stores the new status, the deadline and the log entry in one write.
 */
export function applyTransition(appeal: AppealForTransition, request: TransitionRequest, context: { actor: string; at: Date }): TransitionResult {
  if (!canTransition(appeal.status, request.to)) {
    const allowed = ALLOWED_TRANSITIONS[appeal.status].map((state) => `«${APPEAL_STATE_LABELS[state]}»`).join(', ');
    return {
      ok: false,
      message: `Из состояния «${APPEAL_STATE_LABELS[appeal.status]}» нельзя перейти в «${APPEAL_STATE_LABELS[request.to]}».${allowed ? ` Возможные переходы: ${allowed}.` : ' Обращение закрыто.'}`,
    };
  }
  if (request.to === 'not-considered' && appeal.hasContact) {
    return { ok: false, message: 'Обращение с контактными данными нельзя оставить без рассмотрения по этому основанию.' };
  }
  let deadlineDate = appeal.deadlineDate;
  if (request.to === 'extended') {
    if (request.newDeadline <= appeal.deadlineDate) {
      return { ok: false, message: `Новый срок должен быть позже текущего (${formatRussianDate(appeal.deadlineDate)}).` };
    }
    const refusal = appeal.checkExtension?.(request.newDeadline) ?? null;
    if (refusal) return { ok: false, message: refusal };
    deadlineDate = request.newDeadline;
  }
  const note = [
    request.to === 'rejected' ? `Основание: ${REJECTION_REASON_LABELS[request.reason]}${request.earlierAppeal ? ` (прежнее обращение ${request.earlierAppeal})` : ''}` : '',
    request.to === 'routed' ? `Группа: ${request.group}` : '',
    request.to === 'extended' ? `Новый срок: ${request.newDeadline}` : '',
    request.comment ?? '',
  ]
    .filter(Boolean)
    .join('. ');
  return {
    ok: true,
    status: request.to,
    deadlineDate,
    log: { from: appeal.status, to: request.to, at: context.at.toISOString(), actor: context.actor, ...(note ? { comment: note } : {}) },
  };
}
