import { describe, expect, it } from 'vitest';
import { deadlineReminderLetter, type DeadlineReminderInput } from './deadline-reminder';

const reminder: DeadlineReminderInput = {
  kind: 'day-before',
  registrationNumber: 'В-2026-000123',
  type: 'question',
  status: 'in-progress',
  deadlineDate: '2026-12-01',
  adminUrl: '/admin/collections/appeals/123',
};

describe('deadlineReminderLetter', () => {
  it('renders the reminder of the working day before as in the reviewed snapshots', async () => {
    const letter = deadlineReminderLetter(reminder);
    expect(letter.subject).toBe('Срок завтра: обращение № В-2026-000123');
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/deadline-reminder.day-before.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/deadline-reminder.day-before.html');
  });

  it('renders the reminder of the deadline day as in the reviewed snapshots', async () => {
    const letter = deadlineReminderLetter({ ...reminder, kind: 'due-day', status: 'registered' });
    expect(letter.subject).toBe('Срок сегодня: обращение № В-2026-000123');
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/deadline-reminder.due-day.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/deadline-reminder.due-day.html');
  });

  it('ends every sentence with a date in the one full stop of «г.»', () => {
    const { text } = deadlineReminderLetter(reminder);
    expect(text).toContain('истекает в следующий рабочий день, 1 декабря 2026 г.\n');
    expect(text).toContain('Срок ответа: 1 декабря 2026 г.\n');
    expect(text).not.toContain('г..');
  });

  it('shows a state it does not know by its stored code, escaped in the HTML version', () => {
    const { text, html } = deadlineReminderLetter({ ...reminder, status: '<odd>' });
    expect(text).toContain('Состояние: <odd>.');
    expect(html).toContain('<p>Состояние: &lt;odd&gt;.</p>');
  });
});
