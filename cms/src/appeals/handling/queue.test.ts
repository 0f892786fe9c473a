import { describe, expect, it } from 'vitest';
import { deadlineMark } from './queue';

describe('handler queue deadline marks', () => {
  it('marks open appeals as overdue, due today or due on the next working day', () => {
    expect(deadlineMark('in-progress', '2026-11-26', '2026-11-27')).toBe('overdue');
    expect(deadlineMark('routed', '2026-11-27', '2026-11-27')).toBe('due-today');
    // Friday: the next working day is Monday, so a Monday deadline is "tomorrow" for the handler.
    expect(deadlineMark('registered', '2026-11-30', '2026-11-27', '2026-11-30')).toBe('due-next-working-day');
    expect(deadlineMark('registered', '2026-12-01', '2026-11-27', '2026-11-30')).toBeNull();
  });

  it('leaves settled appeals unmarked however old their deadline', () => {
    for (const status of ['answered', 'closed', 'rejected', 'not-considered']) expect(deadlineMark(status, '2026-01-01', '2026-11-27')).toBeNull();
  });
});
