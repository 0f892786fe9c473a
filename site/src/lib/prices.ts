import type { UnregulatedPrice } from '@portal/core/tariffs';

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** `2026-10` → «октябрь 2026 г.». */
export function monthTitle(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)} г.`;
}

/** Months with prices, newest first. */
export function priceMonths(prices: readonly UnregulatedPrice[]): string[] {
  return [...new Set(prices.map((price) => price.month))].sort().reverse();
}

/** Years with prices, newest first. */
export function priceYears(prices: readonly UnregulatedPrice[]): string[] {
  return [...new Set(prices.map((price) => price.month.slice(0, 4)))].sort().reverse();
}
