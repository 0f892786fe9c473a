import { describe, expect, it } from 'vitest';
import { evaluateAudit } from './audit-report';

const report = {
  vulnerabilities: {
    lodash: { name: 'lodash', severity: 'critical' as const, via: [{ title: 'Prototype Pollution', url: 'https://github.com/advisories/GHSA-x' }] },
    'lodash-wrapper': { name: 'lodash-wrapper', severity: 'high' as const, via: ['lodash'] },
    debug: { name: 'debug', severity: 'moderate' as const, via: ['ms'] },
  },
};

describe('npm audit evaluation', () => {
  it('reports high and critical findings and ignores lower ones', () => {
    const findings = evaluateAudit(report, { exceptions: {} });
    expect(findings.map((f) => [f.name, f.severity, f.reason])).toEqual([
      ['lodash', 'critical', undefined],
      ['lodash-wrapper', 'high', undefined],
    ]);
    expect(findings[0]?.advisories).toEqual(['Prototype Pollution https://github.com/advisories/GHSA-x']);
  });

  it('attaches the documented reason, so only unexplained ones fail the check', () => {
    const findings = evaluateAudit(report, { exceptions: { lodash: 'Used only at build time by the admin bundle.' } });
    expect(findings.filter((f) => f.reason === undefined).map((f) => f.name)).toEqual(['lodash-wrapper']);
  });
});
