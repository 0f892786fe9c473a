import { z } from 'zod';
import { ExportCompanySchema } from '@portal/core/site-export';
import { isPersonalAccountUrl } from '@portal/core/site-facts';
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
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,}[0-9]$/, 'must be a phone number such as 8-800-000-12-34');

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
  /** Separate hotlines for individuals and organisations; empty: the common hotline serves them. */
  hotlineIndividuals: PhoneSchema.or(z.literal('')).default(''),
  hotlineOrganisations: PhoneSchema.or(z.literal('')).default(''),
  /** The clients' personal account, an https address; empty: the site links to none. */
  personalAccountUrl: z.string().refine((value) => value === '' || isPersonalAccountUrl(value), 'must be an https:// address or empty').default(''),
  /** Mailbox for appeals; the mail robot answers from and for it. */
  email: z.email(),
  /** Legal address. */
  address: TextLineSchema,
  /** IANA time zone for working-day deadlines; defaults to Europe/Moscow. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Moscow').default('Europe/Moscow'),
  /** Site path of the privacy policy; relative, so the site stays portable. */
  privacyPolicyUrl: z.string().regex(/^\/(?!\/)/, 'must be a site path starting with /').default('/privacy/'),
});
export type CompanySeed = z.output<typeof CompanySeedSchema>;
