import type { NumberField } from 'payload';

/** Rubles with at most two decimals, so the value converts to whole kopecks without rounding. */
export function rublesField(name: string, label: string, description: string): NumberField {
  return {
    name,
    label,
    type: 'number',
    required: true,
    min: 0.01,
    admin: { step: 0.01, description },
    validate: (value: number | null | undefined) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return 'Укажите цену больше нуля';
      return Math.abs(Math.round(value * 100) - value * 100) < 1e-6 ? true : 'Укажите цену не больше чем с двумя знаками после запятой';
    },
  };
}

/** Rubles → whole kopecks (the value has at most two decimals, see {@link rublesField}). */
export const toKopecks = (rubles: number): number => Math.round(rubles * 100);
