/**
 * Payload's Russian admin strings that read wrong with our labels, replaced in `i18n.translations`
 * (payload.config.ts). Payload puts a collection's singular label into fixed phrases written for a masculine noun in
 * the accusative («Создать новый {{label}}», «{{label}} успешно создан.»), which gives «Создать новый Рассылка»,
 * «Новость успешно создан.», «Этот Анкета находится в корзине». The replacements put the label after a colon or
 * beside a neutral noun («запись»), so they agree with every label whatever its gender and case. Other fixes:
 * the search placeholder lacks its {{label}} and joins fields with «Или же» («Искать по Или же …»), an empty cell
 * says «Без метки», a save says «Успешно Обновлено.».
 *
 * Keys as in @payloadcms/translations (languages/ru); cms/src/admin-translations.test.ts checks each still exists.
 */
export const RU_ADMIN_TRANSLATIONS = {
  general: {
    searchBy: 'Искать по: {{label}}',
    or: 'или',
    noLabel: '—',
    updatedSuccessfully: 'Изменения сохранены.',
    // «Создать новый Рассылка», the title and the dashboard button of a new document.
    createNewLabel: 'Создать: {{label}}',
    creatingNewLabel: 'Создание: {{label}}',
    newLabel: 'Новая запись: {{label}}',
    // «Рассылка успешно создан.», the toast after the first save or a copy.
    successfullyCreated: 'Запись создана: {{label}}.',
    successfullyDuplicated: 'Копия создана: {{label}}.',
    // «Удалить Анкета», «Редактировать Новость», «Выберите Тема»: the label cannot take the accusative.
    editLabel: 'Редактировать: {{label}}',
    deleteLabel: 'Удалить: {{label}}',
    selectLabel: 'Выберите: {{label}}',
    // «Этот Анкета находится в корзине», «Анкета "…" успешно восстановлен.», «… перемещен в корзину.»
    documentIsTrashed: 'Запись ({{label}}) находится в корзине и доступна только для чтения.',
    titleDeleted: '{{label}} «{{title}}»: запись удалена.',
    titleRestored: '{{label}} «{{title}}»: запись восстановлена.',
    titleTrashed: '{{label}} «{{title}}»: запись перемещена в корзину.',
    updatedLabelSuccessfully: 'Изменения сохранены: {{label}}.',
  },
  fields: {
    // Relationship and upload fields, array and block rows: «Новый Тема», «Выберите существующий Анкета»,
    // «Добавить Работа».
    newLabel: 'Новая запись: {{label}}',
    selectExistingLabel: 'Выбрать из существующих: {{label}}',
    uploadNewLabel: 'Загрузить: {{label}}',
    addLabel: 'Добавить: {{label}}',
    addNewLabel: 'Добавить: {{label}}',
    chooseLabel: 'Выбрать: {{label}}',
  },
} as const;
