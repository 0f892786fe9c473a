import { describe, expect, it } from 'vitest';
import { ExportCompanySchema, type ExportCompany } from '@portal/core/site-export';
import { documentPath, newsPath, officePath, tariffPeriodPath } from '@portal/core/site-paths';
import {
  ContentError,
  SLUG_PATTERN,
  assembleFaq,
  findAnswerMarkdownProblem,
  loadCompany,
  loadDocuments,
  loadFaq,
  loadNews,
  loadOffices,
  loadPages,
  loadRelevanceQueries,
  loadTariffPeriods,
  loadTopics,
  parseCompany,
  parseFaqFile,
  parseRelevanceQueries,
  parseTopics,
  placePageSeeds,
  type FaqSeed,
  type Topic,
} from './index';

// The demo content is read once: these tests check the committed YAML itself.
const company: ExportCompany = loadCompany();
const topics = loadTopics();
const faq = loadFaq();
const queries = loadRelevanceQueries();
const faqSlugs = new Set(faq.map((entry) => entry.slug));
// Site paths of pages, news, documents, offices, payment points and tariff periods: the relevance set expects those by path.
const sitePaths = new Set([
  ...placePageSeeds(loadPages()).map((placed) => placed.path),
  ...loadNews().map((item) => newsPath(item.slug)),
  ...loadDocuments().map((doc) => documentPath(doc.slug)),
  ...loadOffices().map((office) => officePath(office)),
  ...loadTariffPeriods().map((period) => tariffPeriodPath(period.slug)),
]);

const OPTIONAL_MINIMUM_TOPIC = 'prochee';
const digitsOf = (text: string) => text.replace(/\D/g, '');
const wordCount = (markdown: string) => markdown.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Phone-like runs: optional +7/8 prefix, then groups of digits with spaces, hyphens or brackets. */
const PHONE_LIKE = /(?:\+7|\b8)?[\s(-]*\d{3}[\s)-]*\d{2,3}[\s-]*\d{2}[\s-]*\d{2}\b/g;
const EMAIL_LIKE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
const COMMANDING = [/вы\s+обязаны/i, /обязан[аоы]?\b/i, /явиться/i, /явитесь/i, /в\s+обязательном\s+порядке/i, /незамедлительно/i];

describe('company', () => {
  it('is a valid site-export company with its own hotline and appeals address', () => {
    expect(ExportCompanySchema.parse(company)).toEqual(company);
    expect(company.email).toMatch(/@example(-[a-z]+)?\.(ru|com|org|net)$/);
    expect(company.timeZone).toBe('Europe/Moscow');
  });

});

describe('topics', () => {
  it('has at least 8 topics with unique slugs and orders', () => {
    expect(topics.length).toBeGreaterThanOrEqual(8);
    expect(new Set(topics.map((topic) => topic.slug)).size).toBe(topics.length);
    expect(new Set(topics.map((topic) => topic.order)).size).toBe(topics.length);
  });

  it('gives every topic except «Прочее» at least 5 FAQ entries, and «Прочее» at least 2', () => {
    for (const topic of topics) {
      const count = faq.filter((entry) => entry.topic === topic.slug).length;
      expect(count, topic.slug).toBeGreaterThanOrEqual(topic.slug === OPTIONAL_MINIMUM_TOPIC ? 2 : 5);
    }
  });
});

describe('FAQ', () => {
  it('holds at least 60 entries, at least 12 of them for legal entities', () => {
    expect(faq.length).toBeGreaterThanOrEqual(60);
    expect(faq.filter((entry) => entry.audience === 'ul').length).toBeGreaterThanOrEqual(12);
    expect(faq.filter((entry) => entry.audience === 'fl').length).toBeGreaterThan(0);
    expect(faq.filter((entry) => entry.audience === 'all').length).toBeGreaterThan(0);
  });

  it('uses unique slugs of lower-case latin letters, digits and hyphens', () => {
    expect(faqSlugs.size).toBe(faq.length);
    for (const entry of faq) expect(entry.slug).toMatch(SLUG_PATTERN);
    for (const topic of topics) expect(topic.slug).toMatch(SLUG_PATTERN);
  });

  it('puts every entry under a topic that exists', () => {
    const known = new Set(topics.map((topic) => topic.slug));
    for (const entry of faq) expect(known.has(entry.topic), `${entry.slug} → ${entry.topic}`).toBe(true);
  });

  it('keeps answers between 40 and 150 words', () => {
    for (const entry of faq) {
      const words = wordCount(entry.answer);
      expect(words, entry.slug).toBeGreaterThanOrEqual(40);
      expect(words, entry.slug).toBeLessThanOrEqual(150);
    }
  });

  it('shows no e-mail address and no phone number in answers except the company hotline', () => {
    const hotline = digitsOf(company.hotline);
    for (const entry of faq) {
      expect(EMAIL_LIKE.test(entry.answer), entry.slug).toBe(false);
      for (const match of entry.answer.matchAll(PHONE_LIKE)) {
        expect(digitsOf(match[0]), `${entry.slug}: ${match[0]}`).toBe(hotline);
      }
    }
  });

  it('uses no commanding phrases in questions or answers', () => {
    for (const entry of faq) {
      for (const pattern of COMMANDING) {
        expect(pattern.test(`${entry.question}\n${entry.answer}`), `${entry.slug}: ${pattern}`).toBe(false);
      }
    }
  });

  it('links only to FAQ entries that exist', () => {
    for (const entry of faq) {
      for (const [, slug] of entry.answer.matchAll(/\]\(\/faq\/([^/)]+)\/?\)/g)) {
        expect(faqSlugs.has(slug!), `${entry.slug} links to ${slug}`).toBe(true);
      }
    }
  });

  it('spells «счётчик» both with ё and with е somewhere, so ё/е search can be tested', () => {
    const text = faq.map((entry) => `${entry.question}\n${entry.answer}`).join('\n').toLowerCase();
    expect(text).toContain('счётчик');
    expect(text).toContain('счетчик');
  });
});

describe('relevance set', () => {
  it('has at least 40 queries, including «счетчик поверка»', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(queries.map((query) => query.query)).toContain('счетчик поверка');
    expect(new Set(queries.map((query) => query.query)).size).toBe(queries.length);
  });

  it('expects only FAQ slugs and site paths that exist', () => {
    for (const query of queries) {
      for (const target of query.expected) expect(faqSlugs.has(target) || sitePaths.has(target), `${query.query} → ${target}`).toBe(true);
    }
  });

  it('includes queries for pages and news, not only the FAQ', () => {
    const expected = queries.flatMap((query) => query.expected);
    expect(expected.some((target) => target.startsWith('/spravka/novosti/'))).toBe(true);
    expect(expected.some((target) => placePageSeeds(loadPages()).some((placed) => placed.path === target))).toBe(true);
  });

  it('covers abbreviations ЛК, ПУ, ЛС, ЦОК and УИД', () => {
    for (const abbreviation of ['ЛК', 'ПУ', 'ЛС', 'ЦОК', 'УИД']) {
      expect(
        queries.some((query) => new RegExp(`(^|\\s)${abbreviation}(\\s|$)`).test(query.query)),
        abbreviation,
      ).toBe(true);
    }
  });
});

describe('loader validation', () => {
  const goodEntry = [
    '- slug: kak-oplatit',
    '  audience: fl',
    '  question: Как оплатить?',
    '  answer: Оплатить можно в личном кабинете.',
  ].join('\n');

  it('stamps FAQ entries with the topic given by the file name', () => {
    const [entry] = parseFaqFile(goodEntry, 'faq/oplata.yaml', 'oplata');
    expect(entry).toEqual({
      slug: 'kak-oplatit',
      audience: 'fl',
      question: 'Как оплатить?',
      answer: 'Оплатить можно в личном кабинете.',
      topic: 'oplata',
    });
  });

  it('names the file, the entry and the field when an entry is invalid', () => {
    const text = `${goodEntry}\n- slug: vtoroy-vopros\n  audience: everyone\n  question: Второй?\n  answer: Ответ.`;
    expect(() => parseFaqFile(text, 'faq/oplata.yaml', 'oplata')).toThrowError(
      /^faq\/oplata\.yaml: entry 2 \(slug "vtoroy-vopros"\): audience: /,
    );
  });

  it('names the entry by position when it has no slug', () => {
    const text = '- audience: fl\n  question: Вопрос?\n  answer: Ответ.';
    expect(() => parseFaqFile(text, 'faq/oplata.yaml', 'oplata')).toThrowError(/faq\/oplata\.yaml: entry 1: slug: /);
  });

  it('refuses unknown keys, so a misspelt field is not silently dropped', () => {
    const text = `${goodEntry}\n  audiance: ul`;
    expect(() => parseFaqFile(text, 'faq/oplata.yaml', 'oplata')).toThrowError(/entry 1 \(slug "kak-oplatit"\)/);
  });

  it('reports YAML syntax errors with the file name and line', () => {
    expect(() => parseTopics('- slug: a\n  title: [unclosed', 'topics.yaml')).toThrowError(
      /^topics\.yaml: invalid YAML: line \d+/,
    );
  });

  it('rejects headings, HTML and external links in answers', () => {
    expect(findAnswerMarkdownProblem('# Заголовок\n\nТекст')).toMatch(/heading/);
    expect(findAnswerMarkdownProblem('Текст <b>жирный</b>')).toMatch(/HTML/);
    expect(findAnswerMarkdownProblem('См. [сайт](https://example.com/)')).toMatch(/external/);
    expect(findAnswerMarkdownProblem('См. [сайт](//example.com/)')).toMatch(/relative/);
    expect(findAnswerMarkdownProblem('См. [ответ](/faq/kak-oplatit/) и список:\n\n- пункт')).toBeUndefined();
    const text = '- slug: s\n  audience: all\n  question: В?\n  answer: "<script>x</script>"';
    expect(() => parseFaqFile(text, 'faq/x.yaml', 'x')).toThrowError(/entry 1 \(slug "s"\): answer: must not contain HTML/);
  });

  it('refuses duplicate slugs across files and files whose topic is unknown, naming the file', () => {
    const topicList: Topic[] = [{ slug: 'oplata', title: 'Оплата', description: 'Об оплате.', order: 1 }];
    const entry: FaqSeed = { slug: 'kak-oplatit', question: 'Как?', audience: 'fl', answer: 'Так.', topic: 'oplata' };
    expect(() =>
      assembleFaq(
        [
          { file: 'a.yaml', topic: 'oplata', entries: [entry] },
          { file: 'b.yaml', topic: 'oplata', entries: [entry] },
        ],
        topicList,
      ),
    ).toThrowError(/^b\.yaml: entry 1 \(slug "kak-oplatit"\): slug is already used in a\.yaml/);
    expect(() => assembleFaq([{ file: 'c.yaml', topic: 'tarify', entries: [] }], topicList)).toThrowError(
      /^c\.yaml: topic "tarify"/,
    );
  });

  it('orders FAQ by topic order, not by file name', () => {
    const topicList: Topic[] = [
      { slug: 'zeta', title: 'Z', description: 'Z.', order: 1 },
      { slug: 'alpha', title: 'A', description: 'A.', order: 2 },
    ];
    const make = (slug: string, topic: string): FaqSeed => ({ slug, question: '?', audience: 'all', answer: '.', topic });
    const result = assembleFaq(
      [
        { file: 'alpha.yaml', topic: 'alpha', entries: [make('a1', 'alpha')] },
        { file: 'zeta.yaml', topic: 'zeta', entries: [make('z1', 'zeta')] },
      ],
      topicList,
    );
    expect(result.map((entry) => entry.slug)).toEqual(['z1', 'a1']);
  });

  it('rejects duplicate topic slugs and an invalid company e-mail or time zone', () => {
    const topicsText = '- {slug: a, title: A, description: A., order: 1}\n- {slug: a, title: B, description: B., order: 2}';
    expect(() => parseTopics(topicsText, 'topics.yaml')).toThrowError(/entry 2 \(slug "a"\): slug: duplicate topic slug/);
    const companyText = [
      'name: N', 'shortName: S', 'region: R', 'hotline: 8-800-000-12-34', 'email: not-an-email',
      'address: A', 'timeZone: Mars/Olympus',
    ].join('\n');
    expect(() => parseCompany(companyText, 'company.yaml')).toThrowError(/^company\.yaml: \n {2}email: [^\n]+\n {2}timeZone: /);
  });

  it('names the query when a relevance case is invalid', () => {
    expect(() => parseRelevanceQueries('- query: нет света\n  expected: []\n  note: n', 'queries.yaml')).toThrowError(
      /queries\.yaml: entry 1 \(query "нет света"\): expected: /,
    );
  });

  it('wraps a missing file in a ContentError naming it', () => {
    expect(() => loadTopics({ root: '/nonexistent-content-root' })).toThrowError(ContentError);
    expect(() => loadTopics({ root: '/nonexistent-content-root' })).toThrowError(/nonexistent-content-root.*topics\.yaml/);
  });
});
