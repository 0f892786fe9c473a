import type { GlobalConfig } from 'payload';
import { isAdmin, isAnyone, isStaffField } from '../../access/roles';
import { publicSettings } from '../../publishing/public-content';
import { GLOBALS } from '../../slugs';
import { forgetRobotSettingsAfterGlobalChange } from '../../appeals/settings/settings-cache';
import { EMAIL_APPEAL_DEFAULT_TOPIC, validateTopicSlug } from '../../appeals/intake/email-topic';
import { isPersonalAccountUrl } from '@portal/core/site-facts';

/** The personal account must be an https address (or empty): the site links to it from every page. */
const validatePersonalAccountUrl = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && isPersonalAccountUrl(value))
    ? true
    : 'Укажите полный адрес, начиная с https://, или оставьте поле пустым.';

/**
 * The company's details: the public ones are shown on the site and in every e-mail. Anonymous readers of the CMS API
 * get only those; the internal settings (consent version, the handlers' address, the e-mail topic, the review date)
 * are for staff only (`isStaffField`). The access matrix lists the fields each public global may show.
 */
export const CompanySettings: GlobalConfig = publicSettings(
  {
    slug: GLOBALS.companySettings,
    // The robot keeps a copy of these settings per process (appeals/settings-cache.ts); a save drops it.
    hooks: { afterChange: [forgetRobotSettingsAfterGlobalChange] },
    label: 'Настройки компании',
    access: { read: isAnyone, update: isAdmin },
    fields: [
      { name: 'name', label: 'Полное название', type: 'text', required: true },
      { name: 'shortName', label: 'Краткое название', type: 'text', required: true },
      { name: 'region', label: 'Регион', type: 'text', required: true },
      { name: 'timeZone', label: 'Часовой пояс (IANA)', type: 'text', required: true, defaultValue: 'Europe/Moscow' },
      { name: 'hotline', label: 'Телефон горячей линии', type: 'text', required: true },
      {
        type: 'row',
        fields: [
          {
            name: 'hotlineIndividuals',
            label: 'Горячая линия для физических лиц',
            type: 'text',
            admin: { description: 'Пусто — для жителей показывается общий номер горячей линии.' },
          },
          {
            name: 'hotlineOrganisations',
            label: 'Горячая линия для юридических лиц',
            type: 'text',
            admin: { description: 'Пусто — для организаций показывается общий номер горячей линии.' },
          },
        ],
      },
      {
        name: 'personalAccountUrl',
        label: 'Адрес личного кабинета клиента',
        type: 'text',
        validate: validatePersonalAccountUrl,
        admin: { description: 'Полный адрес, начиная с https://. Пусто — сайт нигде не ссылается на личный кабинет.' },
      },
      { name: 'email', label: 'E-mail для обращений', type: 'email', required: true },
      { name: 'address', label: 'Юридический адрес', type: 'text' },
      { name: 'privacyPolicyUrl', label: 'Адрес страницы политики конфиденциальности', type: 'text', defaultValue: '/privacy/' },
      {
        name: 'consentVersion',
        access: { read: isStaffField },
        label: 'Версия текста согласия на обработку персональных данных',
        type: 'text',
        required: true,
        defaultValue: '2026-11-01',
        admin: { description: 'Сохраняется в каждом обращении: какой текст согласия принял клиент.' },
      },
      {
        name: 'handlersEmail',
        access: { read: isStaffField },
        label: 'E-mail специалистов по обращениям',
        type: 'email',
        admin: { description: 'Сюда приходят уведомления о новых заявках и жалобах. Пусто — уведомления не отправляются.' },
      },
      {
        // Letters carry no topic field; without one they would miss topic routing and the reports by topic.
        name: 'emailAppealTopic',
        access: { read: isStaffField },
        label: 'Тема обращений, пришедших по e-mail',
        type: 'text',
        defaultValue: EMAIL_APPEAL_DEFAULT_TOPIC,
        validate: validateTopicSlug,
        admin: {
          description:
            'Код темы из классификатора (например, prochee). Её получает каждое письмо, пришедшее на адрес для обращений, чтобы оно попало к исполнителям и в отчёты по темам. Специалист может сменить тему в карточке обращения.',
        },
      },
      {
        type: 'row',
        fields: [
          { name: 'readingsFromDay', label: 'Показания: с какого числа', type: 'number', required: true, defaultValue: 15, min: 1, max: 31 },
          { name: 'readingsToDay', label: 'Показания: по какое число', type: 'number', required: true, defaultValue: 25, min: 1, max: 31 },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'attachmentMaxMb', label: 'Вложения: размер файла, МБ', type: 'number', required: true, defaultValue: 5, min: 1, max: 50 },
          { name: 'attachmentMaxFiles', label: 'Вложения: файлов в обращении', type: 'number', required: true, defaultValue: 3, min: 0, max: 10 },
        ],
      },
    ],
  },
  { reviewBy: true },
);
