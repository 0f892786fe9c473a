import { describe, expect, it } from 'vitest';
import { formatOperatorCursor, OPERATOR_CURSOR_MAX_PAIRS, parseOperatorCursor } from './operator-cursor';

describe('the operator stream cursor', () => {
  it('writes each conversation with its last number, ordered by conversation id', () => {
    expect(formatOperatorCursor(new Map([['40', 3], ['12', 5]]))).toBe('12.5_40.3');
    expect(formatOperatorCursor(new Map())).toBe('');
  });

  it('reads back what it wrote, MongoDB ids included', () => {
    const cursor = new Map([['7', 1], ['65f1c2d3e4f5a6b7c8d9e0f1', 12]]);
    expect(parseOperatorCursor(formatOperatorCursor(cursor))).toEqual(cursor);
  });

  it('skips malformed pairs, keeps the higher number of a repeated conversation, and ignores an empty id', () => {
    expect(parseOperatorCursor('12.5_x.1_40.-3_40.3_12.2_13._.7')).toEqual(new Map([['12', 5], ['40', 3]]));
    expect(parseOperatorCursor('')).toEqual(new Map());
    expect(parseOperatorCursor(null)).toEqual(new Map());
  });

  it('ignores an id with more pairs than any operator holds', () => {
    const long = Array.from({ length: OPERATOR_CURSOR_MAX_PAIRS + 1 }, (_, i) => `${i + 1}.1`).join('_');
    expect(parseOperatorCursor(long)).toEqual(new Map());
    const fits = Array.from({ length: OPERATOR_CURSOR_MAX_PAIRS }, (_, i) => `${i + 1}.1`).join('_');
    expect(parseOperatorCursor(fits).size).toBe(OPERATOR_CURSOR_MAX_PAIRS);
  });
});
