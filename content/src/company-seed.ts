import { z } from 'zod';
import { ExportCompanySchema, ExportOfficeSchema } from '@portal/core/site-export';
import { TextLineSchema } from './slug';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A phone number as printed for visitors: digits with spaces, hyphens, brackets and a leading +. */
const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,}[0-9]$/, 'must be a phone number such as 8-800-000-12-34');

/**
 * One customer service office (ЦОК) in `company.yaml`. Same fields as the site export's office,
 * but stricter: every field is required and unknown keys are refused, so a typo does not vanish.
 */
export const OfficeSeedSchema = z.strictObject({
  ...ExportOfficeSchema.shape,
  /** Office name shown in lists, e.g. «ЦОК «Ясноборск»». */
  name: TextLineSchema,
  /** Postal address for visitors. */
  address: TextLineSchema,
  /** Office phone. */
  phone: PhoneSchema,
  /** Weekly hours with the lunch break, e.g. «пн–чт 8:00–17:00, пт 8:00–16:00, обед 12:00–12:45». */
  hours: TextLineSchema,
});
export type OfficeSeed = z.output<typeof OfficeSeedSchema>;

/**
 * The company settings in `company.yaml`: the stricter seed form of `ExportCompanySchema`
 * (its output is a valid `ExportCompany`).
 */
export const CompanySeedSchema = z.strictObject({
  ...ExportCompanySchema.shape,
  /** Full legal name. */
  name: TextLineSchema,
  /** Short name for headers and e-mails. */
  shortName: TextLineSchema,
  /** Service region (the area where the company is the guaranteeing supplier). */
  region: TextLineSchema,
  /** Free hotline number shown on every page. */
  hotline: PhoneSchema,
  /** Mailbox for appeals; the mail robot answers from and for it. */
  email: z.email(),
  /** Legal address. */
  address: TextLineSchema,
  /** IANA time zone for working-day deadlines; defaults to Europe/Moscow. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Moscow').default('Europe/Moscow'),
  /** Site path of the privacy policy; relative, so the site stays portable. */
  privacyPolicyUrl: z.string().regex(/^\/(?!\/)/, 'must be a site path starting with /').default('/privacy/'),
  /** Customer service offices; at least one, since the site lists them. */
  offices: z.array(OfficeSeedSchema).min(1, 'at least one office is expected'),
});
export type CompanySeed = z.output<typeof CompanySeedSchema>;
