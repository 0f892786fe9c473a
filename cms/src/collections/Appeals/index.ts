import type { CollectionConfig, Field } from 'payload';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES } from '@portal/core/appeal-type';
import { APPEAL_STATE_LABELS, APPEAL_STATES } from '@portal/core/appeal-state';
import { APPEAL_CHANNEL_LABELS, APPEAL_CHANNELS } from '@portal/core/appeal-channel';
import { AUDIENCE_LABELS } from '@portal/core/audience';
import { ANSWER_CHANNEL_LABELS } from '@portal/core/question-form';
import { isAdmin, isHandlerOrAdmin, isHandlerOrAdminField, isNobody, isNobodyField, rolesOf, SERVER_ONLY_FIELD } from '../../access/roles';
import { auditAfterDelete, auditAppealChange } from '../../audit/hooks';
import { resendLetterEndpoint } from '../../appeals/handling/resend';
import { otherAppealsOfContact } from '../../appeals/intake/repeated-appeals';
import { transitionAppeal } from '../../appeals/handling/transition';
import { matchPhoneSearchByDigits } from '../../appeals/handling/queue-search';
import { overdueListFilter } from '../../appeals/handling/queue-filters';
import { robotSettings } from '../../appeals/settings/settings-cache';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { trimHandlerGroup, validateHandlerGroup } from '../../appeals/handling/handler-group';
import { complaintSummaryDraftEndpoint } from '../../appeals/handling/complaint-summary-draft';
import { deadlineAfterClassification } from '../../appeals/handling/classification';
import { registerStaffAppealEndpoint } from '../../appeals/intake/staff-register';
import { COLLECTIONS } from '../../slugs';
import { APPEALS_NAV_GROUP } from '../nav-groups';

/**
 * Stored fields the appeal screen shows as text in its overview (cms/src/components/AppealOverview.tsx) rather
 * than as inputs; they stay list columns and filters.
 */
const NOT_IN_FORM = '/components/NotInForm#NotInForm';

/**
 * An appeal is a record: what the client submitted and what the robot and the state machine keep are written only by
 * the server (`overrideAccess`); no role, administrators included, changes them through REST or the admin (a
 * `readOnly` flag guards only the admin's form). Handlers change only their working fields, each change audited.
 */
const SERVER_ONLY = SERVER_ONLY_FIELD;
/** A handler's working field: handlers and administrators read and change it (never created through the API). */
const HANDLER_WORK = { create: isNobodyField, update: isHandlerOrAdminField, read: isHandlerOrAdminField };

/** Fields of an outbox entry the dispatcher manages: when to try again, and which process holds it until when. */
const outboxDispatchFields: Field[] = [
  { name: 'nextAttemptAt', type: 'date', access: SERVER_ONLY, admin: { hidden: true } },
  { name: 'claimedUntil', type: 'date', access: SERVER_ONLY, admin: { hidden: true } },
];

/**
 * Appeals from clients. Private: only handlers and administrators read or change them; the server creates
 * them through the local API. The `confirmation` group is the outbox of the confirmation e-mail.
 */
export const Appeals: CollectionConfig = {
  slug: COLLECTIONS.appeals,
  labels: { singular: 'Обращение', plural: 'Обращения' },
  admin: {
    group: APPEALS_NAV_GROUP,
    useAsTitle: 'registrationNumber',
    // Fits 1366 px beside the navigation: the text preview rides with the applicant's name (cms/src/components/AppealQueueCells.tsx).
    defaultColumns: ['registrationNumber', 'deadlineDate', 'status', 'name', 'topic', 'handlerGroup', 'assignee', 'receivedAt'],
    listSearchableFields: ['registrationNumber', 'name', 'email', 'phone'],
    components: { beforeListTable: ['/components/RegisterAppealAction#RegisterAppealAction', '/components/AppealQueueFilters#AppealQueueFilters'] },
    // «Просрочено» in the queue: `?due=overdue` in the list's address (cms/src/appeals/handling/queue-filters.ts).
    baseFilter: async ({ req }) => overdueListFilter(req.query, toLocalIsoDate(new Date(), (await robotSettings(req.payload)).company.timeZone)),
  },
  // The handler's queue: nearest deadline first; the deadline column marks overdue and due-today appeals.
  defaultSort: 'deadlineDate',
  // The search finds a phone typed with spaces, brackets or a leading 8 (cms/src/appeals/queue-search.ts).
  hooks: { beforeOperation: [matchPhoneSearchByDigits], afterChange: [auditAppealChange, deadlineAfterClassification], afterDelete: [auditAfterDelete] },
  custom: { accessProfile: 'appeals' },
  access: {
    read: isHandlerOrAdmin,
    create: isNobody,
    update: isHandlerOrAdmin,
    delete: isAdmin,
    readVersions: isNobody,
  },
  endpoints: [
    registerStaffAppealEndpoint,
    {
      // POST /api/appeals/:id/transition: the only way to change an appeal's state (CMS process only; the public
      // server forwards nothing but /api/forms/* and search).
      path: '/:id/transition',
      method: 'post',
      handler: async (req) => {
        const id = req.routeParams?.id;
        if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указано обращение.' }, { status: 400 });
        let body: unknown = null;
        try {
          body = await (req as unknown as Request).json();
        } catch {
          body = null;
        }
        const outcome = await transitionAppeal(req.payload, req, id, body);
        const { status, ...rest } = outcome;
        return Response.json(rest, { status, headers: { 'Cache-Control': 'no-store' } });
      },
    },
    {
      // GET /api/appeals/:id/same-contact: «Другие обращения этого заявителя» (the same list the appeal page shows),
      // for handlers and administrators only.
      path: '/:id/same-contact',
      method: 'get',
      handler: async (req) => {
        const headers = { 'Cache-Control': 'no-store' };
        const roles = rolesOf(req);
        if (!roles.includes('handler') && !roles.includes('admin')) return Response.json({ message: 'Недостаточно прав.' }, { status: 403, headers });
        const id = req.routeParams?.id;
        const appeal = typeof id === 'string' || typeof id === 'number'
          ? ((await req.payload.findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as { id: number | string; email?: string | null; phone?: string | null } | null)
          : null;
        if (!appeal) return Response.json({ message: 'Обращение не найдено.' }, { status: 404, headers });
        return Response.json({ appeals: await otherAppealsOfContact(req.payload, appeal) }, { headers });
      },
    },
    complaintSummaryDraftEndpoint,
    resendLetterEndpoint,
  ],
  fields: [
    // The appeal as the handler reads it (text, client, deadline, files, form data, the robot's letters), then the
    // decisions (state change, other appeals of the client, history). The stored fields below are not shown as
    // inputs: the overview shows them as text (NOT_IN_FORM); list columns and filters still use them.
    { name: 'overview', type: 'ui', admin: { components: { Field: '/components/AppealOverview#AppealOverview' }, disableListColumn: true } },
    { name: 'workflow', type: 'ui', admin: { components: { Field: '/components/AppealWorkflow#AppealWorkflow' }, disableListColumn: true } },
    { name: 'complaintSummary', type: 'ui', admin: { components: { Field: '/components/ComplaintSummaryAction#ComplaintSummaryAction' }, disableListColumn: true } },
    { name: 'registrationNumber', access: SERVER_ONLY, label: 'Номер', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'type', access: SERVER_ONLY, label: 'Вид', type: 'select', required: true, options: APPEAL_TYPES.map((value) => ({ value, label: APPEAL_TYPE_LABELS[value] })), admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      // The channel the appeal came by, separate from its type (an e-mailed complaint is a complaint whose channel is
      // e-mail). Set at registration: site forms `site`, the mail robot `email`, staff the channel they registered.
      name: 'channel',
      access: SERVER_ONLY,
      label: 'Канал поступления',
      type: 'select',
      index: true,
      options: APPEAL_CHANNELS.map((value) => ({ value, label: APPEAL_CHANNEL_LABELS[value] })),
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
    },
    { name: 'status', label: 'Состояние', type: 'select', required: true, defaultValue: 'registered', options: APPEAL_STATES.map((value) => ({ value, label: APPEAL_STATE_LABELS[value] })), index: true, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'receivedAt', access: SERVER_ONLY, label: 'Поступило', type: 'date', required: true, index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, components: { Field: NOT_IN_FORM } } },
    { name: 'deadlineDate', label: 'Срок ответа', type: 'text', required: true, index: true, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM, Cell: '/components/DeadlineCell#DeadlineCell' } } },
    {
      // Written (postal) appeals: registration, classification and transfer to a specialist are due within 2 working
      // days of the letter's receipt (000 L398–410). Overdue while the appeal is still «registered» after this date.
      name: 'registrationDeadlineDate',
      label: 'Срок регистрации и передачи',
      type: 'text',
      index: true,
      access: SERVER_ONLY,
      admin: { readOnly: true, description: 'Для письменных обращений, поступивших по почте: до какого дня зарегистрировать и передать исполнителю (2 рабочих дня).', components: { Field: NOT_IN_FORM } },
    },
    { name: 'receivedOutsideWorkingHours', access: SERVER_ONLY, label: 'В нерабочее время', type: 'checkbox', defaultValue: false, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    // Stored at registration and stated in the confirmation as they were computed then (outbox/confirmation.ts).
    { name: 'workStartsAt', label: 'Работа начнётся', type: 'text', access: SERVER_ONLY, admin: { readOnly: true, description: 'Для обращений, поступивших в нерабочее время: местное время начала работы.', components: { Field: NOT_IN_FORM } } },
    { name: 'originalsDeadlineDate', label: 'Срок представления оригиналов', type: 'text', access: SERVER_ONLY, admin: { readOnly: true, description: 'Для заявок с копиями документов: до какого дня принести оригиналы.', components: { Field: NOT_IN_FORM } } },
    // Optional: forms without a topic field (meter readings) and e-mails may arrive without one. Handlers re-classify
    // (e-mails arrive on the settings' default topic), so it stays editable, beside the assignee.
    { name: 'topic', label: 'Тема', type: 'relationship', relationTo: COLLECTIONS.topics, index: true, access: HANDLER_WORK, admin: { position: 'sidebar', description: 'Тему можно уточнить: обращение попадёт в отчёты по новой теме. Тема, выбранная заявителем, сохраняется отдельно.' } },
    {
      // What an e-mailed appeal is (000 L695: a complaint by e-mail is a complaint): its deadline follows that row.
      name: 'classifiedAs',
      label: 'Вид по существу (для писем)',
      type: 'select',
      access: HANDLER_WORK,
      options: APPEAL_TYPES.filter((value) => value !== 'email').map((value) => ({ value, label: APPEAL_TYPE_LABELS[value] })),
      admin: {
        position: 'sidebar',
        condition: (data) => data?.type === 'email',
        description: 'Для обращений, пришедших письмом на электронную почту: срок ответа пересчитывается по сроку выбранного вида от даты поступления (пока вид не выбран — срок для писем, 10 календарных дней). После продления срок не меняется.',
      },
    },
    // The topic as the client chose it (or the e-mail intake's default): kept when handlers re-classify.
    { name: 'topicAsSent', label: 'Тема, выбранная заявителем', type: 'relationship', relationTo: COLLECTIONS.topics, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      name: 'assignee',
      label: 'Исполнитель',
      type: 'relationship',
      relationTo: COLLECTIONS.users,
      index: true,
      filterOptions: { roles: { in: ['handler', 'admin'] } },
      access: HANDLER_WORK,
      admin: {
        position: 'sidebar',
        description: 'Получает напоминания о сроке; без исполнителя напоминания уходят на общий адрес специалистов.',
        components: { Cell: '/components/AppealQueueCells#AssigneeCell' },
      },
    },
    {
      // Slug of the client's settlement or district (collection `territories`), when the form asked for it. Kept as a
      // slug, not a relation: reports group by it, and a territory removed later must not empty old appeals.
      name: 'territory',
      label: 'Населённый пункт / район',
      type: 'text',
      index: true,
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM, Cell: '/components/AppealQueueCells#TerritoryCell' } },
    },
    // The client's contacts as submitted, shown in the overview. Nobody edits them: a correction the client asks for is
    // written in «Внутренние заметки» (the robot keeps writing to the address the client gave).
    { name: 'name', label: 'Заявитель', type: 'text', required: true, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM, Cell: '/components/AppealQueueCells#ApplicantCell' } } },
    { name: 'email', label: 'E-mail', type: 'email', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'phone', label: 'Телефон', type: 'text', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'answerChannel', label: 'Способ ответа', type: 'select', required: true, access: SERVER_ONLY, options: Object.entries(ANSWER_CHANNEL_LABELS).map(([value, label]) => ({ value, label })), admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'postalAddress', label: 'Почтовый адрес', type: 'textarea', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'accountNumber', label: 'Лицевой счёт / договор', type: 'text', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'audience', label: 'Кто обращается', type: 'select', access: SERVER_ONLY, options: (['fl', 'ul'] as const).map((value) => ({ value, label: AUDIENCE_LABELS[value] })), admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      // The handlers' own notes: never shown to the client, never in a letter or on the status page; removed with the
      // client's data by the retention job.
      name: 'internalNotes',
      label: 'Внутренние заметки',
      type: 'textarea',
      access: HANDLER_WORK,
      admin: {
        description:
          'Видны только специалистам и администраторам; заявителю не показываются и в письма не попадают. Данные заявителя не редактируются: если заявитель сообщил другие контакты, запишите исправление здесь. Изменения заметок записываются в журнал.',
      },
    },
    { name: 'text', label: 'Текст обращения', type: 'textarea', required: true, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      name: 'details',
      label: 'Данные формы',
      type: 'json',
      access: SERVER_ONLY,
      admin: { readOnly: true, description: 'Услуга, оценка, показания и другие поля, которые есть только в этой форме.', components: { Field: NOT_IN_FORM }, disableListColumn: true },
    },
    // Its own indexed column: the last readings of a meter are looked up by it.
    { name: 'meterSerial', label: 'Заводской номер счётчика', type: 'text', index: true, access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      name: 'attachments',
      label: 'Вложения',
      type: 'relationship',
      relationTo: COLLECTIONS.appealAttachments,
      hasMany: true,
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
    },
    {
      name: 'consent',
      label: 'Согласие на обработку персональных данных',
      type: 'group',
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
      fields: [
        { name: 'version', label: 'Версия текста согласия', type: 'text' },
        {
          // How it was given: the site form's checkbox, or recorded by the staff member who registered the appeal.
          name: 'method',
          label: 'Как дано',
          type: 'select',
          options: [
            { value: 'form', label: 'Отметка в форме на сайте' },
            { value: 'oral', label: 'Устно (записано специалистом)' },
            { value: 'written', label: 'Письменно (заявление или подпись)' },
          ],
        },
        { name: 'acceptedAt', label: 'Когда дано', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'ip', label: 'IP-адрес', type: 'text' },
      ],
    },
    // Only a group the topics route to, or none (appeals/handling/handler-group.ts).
    { name: 'handlerGroup', label: 'Группа исполнителей', type: 'text', index: true, access: HANDLER_WORK, validate: validateHandlerGroup, hooks: { beforeValidate: [trimHandlerGroup] }, admin: { position: 'sidebar', description: 'Предлагается по теме и территории при регистрации; закрепляется при передаче исполнителю.', components: { Cell: '/components/AppealQueueCells#HandlerGroupCell' } } },
    { name: 'extensionReason', label: 'Причина продления срока', type: 'textarea', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    { name: 'answer', label: 'Ответ заявителю', type: 'textarea', access: SERVER_ONLY, admin: { readOnly: true, components: { Field: NOT_IN_FORM } } },
    {
      // The outbox of the answer: 'pending' until the robot has e-mailed it; 'recorded' when the handler gave it
      // by post or phone (the 'answered' transition is that record).
      name: 'answerDelivery',
      label: 'Доставка ответа',
      type: 'group',
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
      fields: [
        { name: 'state', label: 'Состояние', type: 'select', index: true, options: [
          { value: 'pending', label: 'Ожидает отправки по e-mail' },
          { value: 'sent', label: 'Отправлен по e-mail' },
          { value: 'recorded', label: 'Дан почтой или по телефону' },
        ] },
        { name: 'channel', label: 'Способ', type: 'text' },
        { name: 'attempts', label: 'Попыток', type: 'number', defaultValue: 0 },
        { name: 'lastError', label: 'Последняя ошибка', type: 'text' },
        { name: 'sentAt', label: 'Когда', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'messageId', type: 'text', admin: { hidden: true } },
        // The job sending the answer: the sweep (answer-sweep.ts) queues another one when it failed or vanished.
        { name: 'jobId', type: 'text', admin: { hidden: true } },
      ],
    },
    { name: 'answeredAt', label: 'Ответ дан', type: 'date', access: SERVER_ONLY, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, components: { Field: NOT_IN_FORM } } },
    {
      // The client's notices of decisions (refusal, extension, request for information, not considered): e-mailed by
      // the robot, or a task for the handler with the text to send by post or read out by phone.
      name: 'notices',
      label: 'Уведомления заявителю',
      type: 'join',
      collection: COLLECTIONS.appealNotices,
      on: 'appeal',
      defaultSort: 'createdAt',
      defaultLimit: 20,
      admin: { defaultColumns: ['subject', 'channel', 'state', 'taskDone', 'createdAt'], allowCreate: false },
    },
    {
      // Every transition: from, to, at, actor, comment. One JSON column so a transition is one row update; shown by
      // the workflow component above, never editable.
      name: 'history',
      label: 'История рассмотрения',
      type: 'json',
      access: SERVER_ONLY,
      admin: { hidden: true },
    },
    {
      // Which deadline each reminder was sent for: the reminder job is idempotent per deadline, and an extension
      // (a new deadline) makes both reminders due again.
      name: 'reminders',
      type: 'group',
      admin: { hidden: true },
      access: SERVER_ONLY,
      fields: [
        { name: 'dayBeforeFor', type: 'text' },
        { name: 'dueDayFor', type: 'text' },
      ],
    },
    {
      // Satisfaction survey after closing: 'pending' is the outbox row of the survey e-mail; the rating comes from
      // the site's rating page, bound to the appeal by the hash of an unguessable token.
      name: 'survey',
      label: 'Оценка заявителя',
      type: 'group',
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
      fields: [
        { name: 'state', label: 'Опрос', type: 'select', index: true, options: [
          { value: 'pending', label: 'Ожидает отправки' },
          { value: 'sent', label: 'Отправлен' },
          { value: 'not-needed', label: 'Не отправляется (нет e-mail)' },
          { value: 'recent', label: 'Не отправлен: заявителя уже опрашивали в последние 3 месяца' },
        ] },
        { name: 'sentAt', label: 'Отправлен', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'rating', label: 'Оценка (1–5)', type: 'number', min: 1, max: 5 },
        { name: 'comment', label: 'Комментарий', type: 'textarea' },
        { name: 'ratedAt', label: 'Оценено', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'tokenHash', type: 'text', index: true, access: { ...SERVER_ONLY, read: isNobodyField }, admin: { hidden: true } },
      ],
    },
    {
      // SHA-256 of the private status link's token (cms/src/appeals/status-token.ts); never readable through the API.
      name: 'statusTokenHash',
      type: 'text',
      index: true,
      access: { ...SERVER_ONLY, read: isNobodyField },
      admin: { hidden: true },
    },
    { name: 'idempotencyKey', type: 'text', unique: true, index: true, access: SERVER_ONLY, admin: { hidden: true } },
    {
      name: 'confirmation',
      label: 'Подтверждение клиенту',
      type: 'group',
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
      fields: [
        { name: 'state', label: 'Состояние', type: 'select', required: true, defaultValue: 'pending', index: true, options: [
          { value: 'pending', label: 'Ожидает отправки' },
          { value: 'sent', label: 'Отправлено' },
          { value: 'not-needed', label: 'Не требуется или не отправляется' },
        ] },
        // Unused since the outbox dispatcher (appeals/outbox.ts) replaced one job per appeal; kept so the
        // schema change stays additive.
        { name: 'jobId', type: 'text', admin: { hidden: true } },
        { name: 'attempts', label: 'Попыток', type: 'number', defaultValue: 0 },
        { name: 'lastError', label: 'Последняя ошибка', type: 'text' },
        { name: 'sentAt', label: 'Отправлено', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'messageId', type: 'text', admin: { hidden: true } },
        ...outboxDispatchFields,
      ],
    },
    // Payload's own timestamp, declared here only to close it: Payload would otherwise accept a `createdAt` in an update.
    { name: 'createdAt', label: 'Создано', type: 'date', index: true, access: SERVER_ONLY, admin: { hidden: true, disableBulkEdit: true } },
    {
      // The outbox of the routing handlers' e-mail about a new application or complaint, sent by the same
      // dispatcher as the confirmation, so a crash right after registration cannot lose it.
      name: 'handlerNotice',
      label: 'Уведомление специалистов',
      type: 'group',
      access: SERVER_ONLY,
      admin: { readOnly: true, components: { Field: NOT_IN_FORM } },
      fields: [
        { name: 'state', label: 'Состояние', type: 'select', index: true, options: [
          { value: 'pending', label: 'Ожидает отправки' },
          { value: 'sent', label: 'Отправлено' },
          { value: 'not-needed', label: 'Не требуется' },
        ] },
        { name: 'attempts', label: 'Попыток', type: 'number', defaultValue: 0 },
        { name: 'lastError', label: 'Последняя ошибка', type: 'text' },
        { name: 'sentAt', label: 'Отправлено', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        ...outboxDispatchFields,
      ],
    },
  ],
};
