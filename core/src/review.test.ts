import { describe, expect, it } from 'vitest';
import { aggregateRating, ReviewSubmissionSchema } from './review';

describe('aggregateRating', () => {
  it('5, 4, 4, 1 give 3.5 from 4 reviews (14 / 4 by hand)', () => {
    expect(aggregateRating([5, 4, 4, 1])).toEqual({ ratingValue: 3.5, reviewCount: 4 });
  });

  it('rounds to one decimal: 5, 4, 4 give 4.3 (13 / 3 = 4.33…)', () => {
    expect(aggregateRating([5, 4, 4])).toEqual({ ratingValue: 4.3, reviewCount: 3 });
  });

  it('has no rating without reviews (no empty AggregateRating)', () => {
    expect(aggregateRating([])).toBeNull();
  });
});

describe('ReviewSubmissionSchema', () => {
  const base = { authorName: 'Анна', authorEmail: 'anna@example.ru', text: 'Хороший сервис, всё быстро и вежливо.', consent: 'on', rules: 'on' };

  it('reads the no-JS form (rating as text)', () => {
    expect(ReviewSubmissionSchema.parse({ ...base, rating: '4', channel: 'phone', office: '' })).toMatchObject({ rating: 4, channel: 'phone', office: undefined });
  });

  it('needs an office when the review is about a visit to an office', () => {
    const result = ReviewSubmissionSchema.safeParse({ ...base, rating: '5', channel: 'office' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('office');
  });

  it.each(['0', '6', '3.5', 'пять'])('refuses the rating %s', (rating) => {
    expect(ReviewSubmissionSchema.safeParse({ ...base, rating, channel: 'site' }).success).toBe(false);
  });
});
