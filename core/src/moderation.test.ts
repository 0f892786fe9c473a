import { describe, expect, it } from 'vitest';
import { MODERATION_STATES, moderationFindings, moderationTransition, PublicPostBaseSchema, type ModerationAction, type ModerationActor, type ModerationState } from './moderation';

describe('moderation states', () => {
  // Written out from the brief: the author only verifies; moderators approve, reject, withdraw and re-publish.
  const allowed: [ModerationState, ModerationAction, ModerationActor, ModerationState][] = [
    ['unverified', 'verify', 'author', 'pending'],
    ['pending', 'approve', 'moderator', 'approved'],
    ['pending', 'reject', 'moderator', 'rejected'],
    ['approved', 'reject', 'moderator', 'rejected'],
    ['rejected', 'approve', 'moderator', 'approved'],
  ];

  it.each(allowed)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(moderationTransition(from, action, actor)).toBe(to);
  });

  it('refuses every other move: nothing is published without a verified address and a moderator', () => {
    const refused: string[] = [];
    for (const from of MODERATION_STATES) {
      for (const action of ['verify', 'approve', 'reject'] as const) {
        for (const actor of ['author', 'moderator'] as const) {
          const listed = allowed.some(([f, a, who]) => f === from && a === action && who === actor);
          if (!listed && moderationTransition(from, action, actor) !== null) refused.push(`${from} ${action} ${actor}`);
        }
      }
    }
    expect(refused).toEqual([]);
    // The two moves that matter most, named: an author never approves, a moderator never skips the e-mail link.
    expect(moderationTransition('pending', 'approve', 'author')).toBeNull();
    expect(moderationTransition('unverified', 'approve', 'moderator')).toBeNull();
  });
});

describe('moderationFindings', () => {
  it('labels the personal data in a review for the queue, in Russian', () => {
    const findings = moderationFindings('Позвонила по номеру +7 912 345-67-89, лицевой счёт 1234567890, всё решили.');
    expect(findings).toEqual([
      { kind: 'phone', label: 'номер телефона', text: '+7 912 345-67-89' },
      { kind: 'account', label: 'номер лицевого счёта, договора, документа или прибора учёта', text: 'лицевой счёт 1234567890' },
    ]);
  });

  it('finds nothing in a clean review', () => {
    expect(moderationFindings('В офисе на Ленина приняли быстро, оператор всё объяснил. Спасибо!')).toEqual([]);
  });
});

describe('PublicPostBaseSchema', () => {
  const valid = { authorName: ' Анна ', authorEmail: ' Anna@Example.RU ', text: 'Хороший сервис, всё быстро и вежливо.', consent: 'on', rules: 'on' };

  it('accepts the no-JS form fields and normalises the address', () => {
    const parsed = PublicPostBaseSchema.parse(valid);
    expect(parsed).toMatchObject({ authorName: 'Анна', authorEmail: 'anna@example.ru', consent: true, rules: true });
  });

  it('refuses a post without consent, with a Russian message', () => {
    const result = PublicPostBaseSchema.safeParse({ ...valid, consent: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/согласия/);
  });
});
