import { describe, expect, it } from 'vitest';
import { reviewReminderLetter, type ReviewItem } from './review-reminder';

const items: ReviewItem[] = [
  { targetLabel: 'Вопросы и ответы', title: 'Какой тариф действует сейчас?', reviewBy: '2026-11-20', adminPath: '/admin/collections/faq/3' },
  { targetLabel: 'Настройки компании', title: 'Настройки компании', reviewBy: '2026-11-01', adminPath: '/admin/globals/company-settings' },
];

describe('reviewReminderLetter', () => {
  it('renders the editors’ reminder as in the reviewed snapshots', async () => {
    const letter = reviewReminderLetter(items, 'https://cms.energo.example');
    expect(letter.subject).toBe('Пора проверить сведения на сайте: 2');
    await expect(letter.text).toMatchFileSnapshot('./__snapshots__/review-reminder.txt');
    await expect(letter.html).toMatchFileSnapshot('./__snapshots__/review-reminder.html');
  });

  it('lists each item with its date and admin address in the plain text', () => {
    const { text } = reviewReminderLetter(items, 'https://cms.energo.example');
    expect(text).toContain('— Вопросы и ответы: «Какой тариф действует сейчас?», проверить до 20 ноября 2026 г.\n  https://cms.energo.example/admin/collections/faq/3\n');
  });

  it('shows admin paths without a link when no public CMS address is configured, and escapes titles', () => {
    const { html } = reviewReminderLetter([{ ...items[0]!, title: '<b>Тариф</b>' }], '');
    expect(html).toContain('<li>Вопросы и ответы: «&lt;b&gt;Тариф&lt;/b&gt;», проверить до 20 ноября 2026 г.<br>/admin/collections/faq/3</li>');
    expect(html).not.toContain('<a ');
  });
});
