import { describe, expect, it } from 'vitest';
import { interestMatches, type AlertInterest, type AlertTarget } from './outages';

/**
 * Matching by street (issue 21): a subscriber who named streets hears of an outage only when it names one of their
 * streets or names none in that settlement (the whole settlement is off); a subscriber without streets hears of
 * every outage of their settlement. Each expected value below is worked out by hand from that rule.
 */
const A = 'severo-ozyorsk';
const B = 'yasnoborsk';
const st = (settlement: string, street: string) => ({ settlement, street });

const wholeA: AlertInterest = { kinds: ['planned'], settlements: [A] };
const leninaA: AlertInterest = { kinds: ['planned'], settlements: [A], streets: [st(A, 'ул. Ленина')] };
const twoStreetsA: AlertInterest = { kinds: ['planned'], settlements: [A], streets: [st(A, 'ул. Ленина'), st(A, 'пр. Мира')] };
// Streets named in A only; B as a whole.
const leninaAwholeB: AlertInterest = { kinds: ['planned', 'emergency'], settlements: [A, B], streets: [st(A, 'ул. Ленина')] };

const outage = (settlements: string[], streets: { settlement: string; street: string }[] = [], kind: AlertTarget['kind'] = 'planned'): AlertTarget => ({ kind, settlements, streets });

const table: [string, AlertInterest, AlertTarget, boolean][] = [
  ['no streets, outage on the whole settlement', wholeA, outage([A]), true],
  ['no streets, outage on one street of the settlement', wholeA, outage([A], [st(A, 'ул. Набережная')]), true],
  ['no streets, outage in another settlement', wholeA, outage([B]), false],
  ['Ленина, outage on the whole settlement', leninaA, outage([A]), true],
  ['Ленина, outage on Ленина', leninaA, outage([A], [st(A, 'ул. Ленина')]), true],
  ['Ленина, outage on Набережная only', leninaA, outage([A], [st(A, 'ул. Набережная')]), false],
  ['Ленина, outage on Набережная and Ленина', leninaA, outage([A], [st(A, 'ул. Набережная'), st(A, 'ул. Ленина')]), true],
  ['Ленина, same street written in another case and spacing', leninaA, outage([A], [st(A, '  УЛ.  ленина ')]), true],
  ['Ленина, a street of that name in another settlement only', leninaA, outage([A, B], [st(A, 'пр. Мира'), st(B, 'ул. Ленина')]), false],
  ['Ленина + Мира, outage on Мира', twoStreetsA, outage([A], [st(A, 'пр. Мира')]), true],
  ['Ленина + Мира, outage on Заводская', twoStreetsA, outage([A], [st(A, 'ул. Заводская')]), false],
  ['Ленина in A and all of B, outage on one street of B', leninaAwholeB, outage([B], [st(B, 'ул. Сосновая')]), true],
  ['Ленина in A and all of B, outage on Набережная in A', leninaAwholeB, outage([A], [st(A, 'ул. Набережная')]), false],
  ['Ленина in A and all of B, emergency on Ленина', leninaAwholeB, outage([A], [st(A, 'ул. Ленина')], 'emergency'), true],
  ['Ленина, emergency on Ленина but only planned chosen', leninaA, outage([A], [st(A, 'ул. Ленина')], 'emergency'), false],
];

describe('who hears of an outage, by settlement and street', () => {
  it.each(table.map(([name, interest, target, expected]) => [`${name}: ${expected ? 'a letter' : 'no letter'}`, interest, target, expected] as const))('%s', (_name, interest, target, expected) => {
    expect(interestMatches(interest, target)).toBe(expected);
  });
});
