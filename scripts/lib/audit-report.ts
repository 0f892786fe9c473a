import { z } from 'zod';

/** The part of `npm audit --json` (v7+ format) the check reads. */
export const AuditReportSchema = z.object({
  vulnerabilities: z.record(
    z.string(),
    z.object({
      name: z.string(),
      severity: z.enum(['info', 'low', 'moderate', 'high', 'critical']),
      via: z.array(z.union([z.string(), z.object({ title: z.string().optional(), url: z.string().optional() }).passthrough()])),
    }),
  ),
});
export type AuditReport = z.output<typeof AuditReportSchema>;

/** security/audit-exceptions.json: package name → why its advisory is accepted for now. */
export const AuditExceptionsSchema = z.object({ exceptions: z.record(z.string(), z.string().min(10)) });
export type AuditExceptions = z.output<typeof AuditExceptionsSchema>;

/** One high or critical finding. */
export interface AuditFinding {
  name: string;
  severity: 'high' | 'critical';
  advisories: string[];
  /** The documented reason, or undefined when nobody has explained it (the check fails). */
  reason?: string;
}

/** High and critical findings of a report, each with its documented reason if any. */
export function evaluateAudit(report: AuditReport, exceptions: AuditExceptions): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    if (vulnerability.severity !== 'high' && vulnerability.severity !== 'critical') continue;
    findings.push({
      name: vulnerability.name,
      severity: vulnerability.severity,
      advisories: vulnerability.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title ?? ''} ${via.url ?? ''}`.trim())),
      reason: exceptions.exceptions[vulnerability.name],
    });
  }
  return findings.sort((a, b) => a.name.localeCompare(b.name));
}
