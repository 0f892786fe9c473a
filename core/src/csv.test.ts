import { describe, expect, it } from 'vitest';
import { csvCell } from './csv';

describe('a CSV cell', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1', ';')).toBe("'=1+1");
    expect(csvCell('+7', ',')).toBe("'+7");
    expect(csvCell('-1', ',')).toBe("'-1");
    expect(csvCell('@SUM(A1)', ';')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1', ';')).toBe("'\t=1");
  });

  it('quotes a bare CR or LF, so a line break never starts a row, and a neutralised CR start is quoted too', () => {
    expect(csvCell('\r=1', ';')).toBe(`"'\r=1"`);
    expect(csvCell('x\r=1', ',')).toBe('"x\r=1"');
    expect(csvCell('a\nb', ';')).toBe('"a\nb"');
  });

  it('quotes its own separator only, and doubles quotes', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
  });

  it('writes numbers as they are and an empty value as an empty cell', () => {
    expect(csvCell(-3, ';')).toBe('-3');
    expect(csvCell(0.75, ',')).toBe('0.75');
    expect(csvCell(null, ';')).toBe('');
    expect(csvCell('обычный текст', ';')).toBe('обычный текст');
  });
});
