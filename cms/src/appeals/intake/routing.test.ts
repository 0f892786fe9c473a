import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone, sameContact } from './repeated-appeals';
import { handlerGroupsInUse, pickHandlerGroup } from './routing';
import { everySecondsCron } from '../handling/survey';

describe('routing rules topic × territory', () => {
  const topic = { handlerGroup: 'Расчётный отдел', territoryRoutes: [{ territory: 7, handlerGroup: 'Заречный участок' }, { territory: { id: 9 }, handlerGroup: 'Светлогорский участок' }] };

  it('a rule for the territory beats the topic group; other territories and none get the topic group', () => {
    expect(pickHandlerGroup(topic, 7)).toBe('Заречный участок');
    expect(pickHandlerGroup(topic, '9')).toBe('Светлогорский участок');
    expect(pickHandlerGroup(topic, 8)).toBe('Расчётный отдел');
    expect(pickHandlerGroup(topic, null)).toBe('Расчётный отдел');
  });

  it('no topic or no group means no suggestion', () => {
    expect(pickHandlerGroup(null, 7)).toBeNull();
    expect(pickHandlerGroup({ handlerGroup: '  ' }, null)).toBeNull();
    expect(pickHandlerGroup({ handlerGroup: null, territoryRoutes: [{ territory: 7, handlerGroup: 'Заречный участок' }] }, 7)).toBe('Заречный участок');
  });
});

describe('the same client', () => {
  it('e-mails match without case or spaces, phones whatever their spelling', () => {
    expect(normaliseEmail(' Olga@Example.RU ')).toBe('olga@example.ru');
    expect(normalisePhone('8 (912) 345-67-89')).toBe('+79123456789');
    expect(sameContact({ id: 1, email: 'Olga@Example.ru' }, { id: 2, email: 'olga@example.ru' })).toBe(true);
    expect(sameContact({ id: 1, phone: '+79123456789' }, { id: 2, email: 'x@example.ru', phone: '8 912 345 67 89' })).toBe(true);
    expect(sameContact({ id: 1, email: 'olga@example.ru' }, { id: 2, email: 'xolga@example.ru' })).toBe(false);
    expect(sameContact({ id: 1, email: null, phone: null }, { id: 2, email: null, phone: null })).toBe(false);
  });
});

describe('the survey interval', () => {
  it('becomes a cron with seconds', () => {
    expect(everySecondsCron(2)).toBe('*/2 * * * * *');
    expect(everySecondsCron(600)).toBe('0 */10 * * * *');
    expect(everySecondsCron(3600)).toBe('0 0 * * * *');
  });
});

describe('handler groups in use', () => {
  it('lists every topic group and rule group once, in Russian alphabetical order', () => {
    const groups = handlerGroupsInUse([
      { handlerGroup: 'Расчётная группа', territoryRoutes: [{ territory: 1, handlerGroup: 'Ясноборский участок' }, { territory: 2, handlerGroup: ' Группа договоров ' }] },
      { handlerGroup: 'Группа договоров' },
      { handlerGroup: '', territoryRoutes: null },
      { handlerGroup: null, territoryRoutes: [{ territory: 3, handlerGroup: 'Ёлкинский участок' }] },
    ]);
    // Ё comes after Е (and so after Г) in the Russian alphabet, not before А as in code points' order.
    expect(groups).toEqual(['Группа договоров', 'Ёлкинский участок', 'Расчётная группа', 'Ясноборский участок']);
  });

  it('is empty when no topic names a group', () => {
    expect(handlerGroupsInUse([{ handlerGroup: null }, {}])).toEqual([]);
  });
});
