import { z } from 'zod';
import { toLocalIsoDate } from './time-zone';

/**
 * The days of the month on which meter readings are accepted (by default the 15th to the 25th). Set by the
 * company in the CMS; outside them the form explains when to come back instead of failing.
 */
export const ReadingsWindowSchema = z
  .object({
    /** First day of the month readings are accepted, 1–31; default 15. */
    fromDay: z.number().int().min(1).max(31).default(15),
    /** Last day of the month readings are accepted, 1–31, not before `fromDay`; default 25. */
    toDay: z.number().int().min(1).max(31).default(25),
  })
  .refine((window) => window.fromDay <= window.toDay, { message: 'Последний день приёма не может быть раньше первого', path: ['toDay'] });
export type ReadingsWindow = z.output<typeof ReadingsWindowSchema>;

/** The standards' default window. */
export const DEFAULT_READINGS_WINDOW: ReadingsWindow = { fromDay: 15, toDay: 25 };

/** Whether `at` falls on an accepting day of the month in the company's time zone. */
export function isWithinReadingsWindow(at: Date, window: ReadingsWindow, timeZone: string): boolean {
  const day = Number(toLocalIsoDate(at, timeZone).slice(8, 10));
  return day >= window.fromDay && day <= window.toDay;
}

/** «Показания принимаются с 15 по 25 число каждого месяца.» */
export function readingsWindowText(window: ReadingsWindow): string {
  return `Показания принимаются с ${window.fromDay} по ${window.toDay} число каждого месяца.`;
}

/** The explanation a client gets outside the window: when to come back and what else they can do. */
export function readingsClosedMessage(window: ReadingsWindow): string {
  return (
    `Сегодня показания не принимаются. ${readingsWindowText(window)} ` +
    'Пожалуйста, передайте их в эти дни. Если у вас вопрос о показаниях или расчётах, его можно задать ' +
    'в форме «Задать вопрос» или по телефону горячей линии.'
  );
}
