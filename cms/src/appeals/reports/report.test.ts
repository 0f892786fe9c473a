import { describe, expect, it } from 'vitest';
import { buildAppealReport, csvCell, NO_TERRITORY, reportToCsv, type ReportRow } from './report';

const moscowDate = (instant: string) => new Date(Date.parse(instant) + 3 * 3_600_000).toISOString().slice(0, 10);
const row = (over: Partial<ReportRow>): ReportRow => ({
  type: 'question',
  topic: 'Показания',
  channel: 'email',
  receivedChannel: 'site',
  status: 'closed',
  receivedAt: '2026-11-02T09:00:00.000Z',
  deadlineDate: '2026-11-10',
  ...over,
});

describe('appeal quality report arithmetic', () => {
  const rows = [
    row({ answeredAt: '2026-11-02T19:00:00.000Z', rating: 5, territory: 'sever' }), // 10 h, on time
    row({ answeredAt: '2026-11-03T09:00:00.000Z', rating: 4, territory: 'sever' }), // 24 h
    row({ answeredAt: '2026-11-10T20:30:00.000Z' }), // 23:30 Moscow on the deadline day: still on time; 203.5 h
    row({ answeredAt: '2026-11-10T21:30:00.000Z', rating: 1 }), // 00:30 Moscow the next day: late; 204.5 h
    row({ type: 'complaint', topic: 'Начисления', channel: 'post', status: 'in-progress', territory: '  ' }),
  ];
  const report = buildAppealReport(rows, [{ deadlineDate: '2026-11-20' }, { deadlineDate: '2026-11-27' }], { from: '2026-11-01', to: '2026-11-30', today: '2026-11-25' }, moscowDate);

  it('counts by type, topic and channel', () => {
    expect(report.total).toBe(5);
    expect(report.byType).toEqual({ question: 4, complaint: 1 });
    expect(report.byTopic).toEqual({ Показания: 4, Начисления: 1 });
    expect(report.byChannel).toEqual({ email: 4, post: 1 });
  });

  it('counts by territory, with appeals that have none under «не указана»', () => {
    expect(NO_TERRITORY).toBe('не указана');
    expect(report.byTerritory).toEqual({ sever: 2, 'не указана': 3 });
    expect(Object.values(report.byTerritory).reduce((sum, value) => sum + value, 0)).toBe(report.total);
  });

  it('counts only the appeals it was given: the loader passes those received in the period', () => {
    const november = rows.filter((item) => item.receivedAt >= '2026-11-01');
    const withOctober = [...november, row({ receivedAt: '2026-10-31T09:00:00.000Z' })];
    expect(buildAppealReport(november, [], { from: '2026-11-01', to: '2026-11-30', today: '2026-11-25' }, moscowDate).total).toBe(5);
    expect(buildAppealReport(withOctober, [], { from: '2026-10-01', to: '2026-11-30', today: '2026-11-25' }, moscowDate).total).toBe(6);
  });

  it('computes the on-time share per type by the local answer date', () => {
    expect(report.onTimeByType).toEqual({ question: { answered: 4, onTime: 3, share: 0.75 } });
  });

  it('counts open appeals past their deadline as overdue now', () => {
    expect(report.overdueNow).toBe(1);
  });

  it('averages handling time and takes the nearest-rank 90th percentile', () => {
    expect(report.handlingHours).toEqual({ average: 110.5, p90: 204.5 });
  });

  it('averages satisfaction and gives its distribution', () => {
    expect(report.satisfaction).toEqual({ count: 3, average: 3.3, distribution: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 1 } });
  });

  it('exports CSV for spreadsheets, with formulas neutralised', () => {
    const csv = reportToCsv({ ...report, byTopic: { '=HYPERLINK("x")': 1 } });
    expect(csv.startsWith('\uFEFFраздел;показатель;значение\r\n')).toBe(true);
    expect(csv).toContain('в срок, доля;question;0.75');
    expect(csv).toContain(`по теме;"'=HYPERLINK(""x"")";1`);
    expect(csv).toContain('по территории;не указана;3');
    expect(csv).not.toContain('подсказки');
    const withSuggestions = reportToCsv({ ...report, faqSuggestions: { opened: 10, sentAfterOpening: 4, notSentAfterOpening: 6 } });
    expect(withSuggestions).toContain('подсказки из базы ответов;вопрос не отправлен;6');
  });

  // Hand-written: OWASP «CSV injection» (prefix = + - @ TAB CR with an apostrophe) and RFC 4180 §2.6–2.7 (a field
  // with the separator, a quote, CR or LF is enclosed in quotes, inner quotes doubled).
  it.each([
    ['plain text stays as it is', 'Оплата', 'Оплата'],
    ['a formula gets an apostrophe', '=1+1', "'=1+1"],
    ['a plus', '+7 900', "'+7 900"],
    ['a minus', '-2', "'-2"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return is neutralised and quoted', '\r=1', `"'\r=1"`],
    ['a bare CR inside is quoted, so it cannot start a row', 'x\r=1+2', '"x\r=1+2"'],
    ['an LF inside is quoted', 'a\nb', '"a\nb"'],
    ['the separator is quoted', 'a;b', '"a;b"'],
    ['quotes are doubled', 'say "hi"', '"say ""hi"""'],
    ['an equals sign not at the start stays', 'a=b', 'a=b'],
    ['empty', '', ''],
  ])('CSV cell: %s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('CSV cell: numbers and empty values are written as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.75)).toBe('0.75');
    expect(csvCell(null)).toBe('');
  });

  it('a topic with a bare CR before a formula stays one row of three cells', () => {
    const csv = reportToCsv({ ...report, byTopic: { 'x\r=1+2': 1 } });
    // Rows end with CRLF; any CR or LF outside quotes would start a new one (RFC 4180 §2.1).
    // Spreadsheets also break rows on a bare CR or LF outside quotes, so any of them counts as a row end here.
    const rows = csv.slice(1).split(/(?:\r\n|\r|\n)(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter(Boolean);
    const topicRows = rows.filter((line) => line.startsWith('по теме;'));
    expect(topicRows).toEqual(['по теме;"x\r=1+2";1']);
    expect(rows.some((line) => /^['"]?=/.test(line))).toBe(false);
  });

  it('gives nulls rather than NaN for an empty period', () => {
    const empty = buildAppealReport([], [], { from: '2026-01-01', to: '2026-01-31', today: '2026-02-01' }, moscowDate);
    expect(empty.handlingHours).toEqual({ average: null, p90: null });
    expect(empty.satisfaction.average).toBeNull();
  });
});
