import type { Payload } from 'payload';
import { ProductionCalendar, type CalendarYearInput } from '@portal/core/production-calendar';
import { DEFAULT_DEADLINES, type DeadlineRule } from '@portal/core/deadlines';
import { DEFAULT_DEADLINE_SETTINGS, DeadlineSettingsSchema, type DeadlineSettings } from '@portal/core/deadline-policy';
import { DEFAULT_TIME_ZONE } from '@portal/core/time-zone';
import { DEFAULT_ATTACHMENT_LIMITS, type AttachmentLimits } from '@portal/core/attachments';
import { DEFAULT_READINGS_WINDOW, type ReadingsWindow } from '@portal/core/readings-window';
import { GLOBALS } from '../../slugs';

/** The company details the robot puts into e-mails and the site shows. */
export interface CompanyDetails {
  name: string;
  shortName: string;
  region: string;
  timeZone: string;
  hotline: string;
  email: string;
  address: string;
  privacyPolicyUrl: string;
  consentVersion: string;
  /** Separate hotlines ([001 L547, L559]); empty means the common hotline serves them. */
  hotlineIndividuals: string;
  hotlineOrganisations: string;
  /** The clients' personal account, empty when there is none. */
  personalAccountUrl: string;
}

type DateRow = { date?: string | null };
const dates = (rows: DateRow[] | null | undefined): string[] =>
  (rows ?? []).map((row) => row.date).filter((date): date is string => typeof date === 'string');

/** Reads the company settings global. */
export async function loadCompany(payload: Payload): Promise<CompanyDetails> {
  const data = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 })) as unknown as Partial<CompanyDetails>;
  return {
    name: data.name ?? '',
    shortName: data.shortName ?? data.name ?? '',
    region: data.region ?? '',
    timeZone: data.timeZone || DEFAULT_TIME_ZONE,
    hotline: data.hotline ?? '',
    email: data.email ?? '',
    address: data.address ?? '',
    privacyPolicyUrl: data.privacyPolicyUrl || '/privacy/',
    consentVersion: data.consentVersion || 'не указана',
    hotlineIndividuals: data.hotlineIndividuals ?? '',
    hotlineOrganisations: data.hotlineOrganisations ?? '',
    personalAccountUrl: data.personalAccountUrl ?? '',
  };
}

/** The production calendar as edited in the CMS; years it lacks follow the statutory rule. */
export async function loadCalendar(payload: Payload): Promise<ProductionCalendar> {
  return new ProductionCalendar(await loadCalendarYears(payload));
}

/** The calendar years as edited in the CMS (unvalidated: {@link ProductionCalendar} and the export check them). */
export async function loadCalendarYears(payload: Payload): Promise<CalendarYearInput[]> {
  const data = (await payload.findGlobal({ slug: GLOBALS.productionCalendar, overrideAccess: true, depth: 0 })) as {
    years?: {
      year: number;
      confirmed?: boolean | null;
      decree?: string | null;
      holidays?: DateRow[] | null;
      workingWeekends?: DateRow[] | null;
      shortDays?: DateRow[] | null;
      regionalHolidays?: DateRow[] | null;
    }[];
  };
  const years: CalendarYearInput[] = (data.years ?? []).map((row) => ({
    year: row.year,
    confirmed: Boolean(row.confirmed),
    ...(row.decree ? { decree: row.decree } : {}),
    holidays: dates(row.holidays),
    workingWeekends: dates(row.workingWeekends),
    shortDays: dates(row.shortDays),
    regionalHolidays: dates(row.regionalHolidays),
  }));
  return years;
}

/** The deadline policy and the extension limits of the «Сроки обслуживания» settings (defaults where unset). */
export async function loadDeadlineSettings(payload: Payload): Promise<DeadlineSettings> {
  const data = (await payload.findGlobal({ slug: GLOBALS.serviceDeadlines, overrideAccess: true, depth: 0 })) as {
    policy?: string | null;
    extensionCalendarDays?: number | null;
    extensionsAllowed?: number | null;
  };
  const parsed = DeadlineSettingsSchema.safeParse({
    policy: data.policy ?? undefined,
    extensionCalendarDays: data.extensionCalendarDays ?? undefined,
    extensionsAllowed: data.extensionsAllowed ?? undefined,
  });
  return parsed.success ? parsed.data : DEFAULT_DEADLINE_SETTINGS;
}

/** The deadline rule for an appeal type: the CMS table first, the standards' default otherwise. */
export async function loadDeadlineRule(payload: Payload, appealType: string): Promise<DeadlineRule> {
  const data = (await payload.findGlobal({ slug: GLOBALS.serviceDeadlines, overrideAccess: true, depth: 0 })) as {
    rules?: { appealType: string; days: number; extendedDays?: number | null; unit: 'working' | 'calendar'; title: string; note?: string | null; source?: string | null }[];
  };
  const row = (data.rules ?? []).find((rule) => rule.appealType === appealType);
  if (row) {
    return {
      appealType: row.appealType,
      days: row.days,
      unit: row.unit,
      ...(row.extendedDays ? { extendedDays: row.extendedDays } : {}),
      title: row.title,
      note: row.note ?? '',
      source: row.source ?? '',
    };
  }
  const fallback = DEFAULT_DEADLINES.find((rule) => rule.appealType === appealType);
  if (!fallback) throw new Error(`No deadline rule for appeal type ${appealType}`);
  return fallback;
}

/** Settings of the public forms: the days meter readings are accepted and the attachment limits. */
export interface FormSettings {
  readingsWindow: ReadingsWindow;
  attachmentLimits: AttachmentLimits;
  timeZone: string;
}

/** Reads the form settings from the company settings global, with the standards' defaults. */
export async function loadFormSettings(payload: Payload): Promise<FormSettings> {
  const data = (await payload.findGlobal({ slug: GLOBALS.companySettings, overrideAccess: true, depth: 0 })) as {
    readingsFromDay?: number | null;
    readingsToDay?: number | null;
    attachmentMaxMb?: number | null;
    attachmentMaxFiles?: number | null;
    timeZone?: string | null;
  };
  return {
    readingsWindow: {
      fromDay: data.readingsFromDay ?? DEFAULT_READINGS_WINDOW.fromDay,
      toDay: data.readingsToDay ?? DEFAULT_READINGS_WINDOW.toDay,
    },
    attachmentLimits: {
      maxFileMb: data.attachmentMaxMb ?? DEFAULT_ATTACHMENT_LIMITS.maxFileMb,
      maxFiles: data.attachmentMaxFiles ?? DEFAULT_ATTACHMENT_LIMITS.maxFiles,
    },
    timeZone: data.timeZone || DEFAULT_TIME_ZONE,
  };
}
