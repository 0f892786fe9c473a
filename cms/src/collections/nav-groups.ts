/**
 * Groups of the admin's side navigation. The back office has one group, so «Обращения» appears once: the queue
 * (the collection «Обращения») inside «Работа с обращениями», with the answer templates and the appeals' files.
 */
export const APPEALS_NAV_GROUP = 'Работа с обращениями';
