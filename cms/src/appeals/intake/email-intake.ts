import crypto from 'node:crypto';
import type { Payload } from 'payload';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { checkAttachments, safeFileName, type CheckedFile } from '@portal/core/attachments';
import { readCmsEnv } from '../../env';
import { FieldRejectedError, type AppealRegistration } from '@portal/core/appeal-contract';
import { removeAttachments, storeAttachments } from './attachments';
import { emailAppealTopic } from './email-topic';
import { findRegistration, registerAppeal } from './register';
import { emailWithinLimit, recentAppealsFrom } from './prechecks';
import { senderVerdict } from '@portal/core/authentication-results';
import { loadCompany, loadFormSettings } from '../settings/settings';

/** What happened to an incoming letter. */
export type IntakeResult =
  | { kind: 'registered'; registration: AppealRegistration }
  /** Not for the appeals mailbox, an auto-reply, or the robot's own letter: accepted, nothing registered. */
  | { kind: 'ignored'; reason: 'not-for-appeals' | 'auto-reply' | 'own-letter' | 'no-sender' };

/** Longest text kept from a letter; the rest of a long thread is in the mail server. */
const MAX_TEXT = 20_000;

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) => group.value.map((entry) => entry.address?.toLowerCase() ?? '')).filter(Boolean);

/**
 * Registers a letter sent to the company's appeals mailbox as an appeal of type «обращение по e-mail»
 * (`email`) with its attachments, through the same registration path as the forms, so it gets the same
 * number, deadline and confirmation. Idempotent per letter (its Message-ID, or its bytes when it has none):
 * a mail server or the sink retrying after a failure never creates a second appeal.
 *
 * `envelopeRecipients` are the SMTP RCPT TO addresses when known (the sink); the headers are used otherwise.
 */
export async function registerIncomingEmail(payload: Payload, raw: Buffer, envelopeRecipients: readonly string[] = []): Promise<IntakeResult> {
  const [company, settings] = await Promise.all([loadCompany(payload), loadFormSettings(payload)]);
  const mailbox = company.email.toLowerCase();
  const parsed: ParsedMail = await simpleParser(raw);

  const recipients = envelopeRecipients.length > 0 ? envelopeRecipients.map((address) => address.toLowerCase()) : [...addressesOf(parsed.to), ...addressesOf(parsed.cc)];
  if (!recipients.includes(mailbox)) return { kind: 'ignored', reason: 'not-for-appeals' };

  const sender = parsed.from?.value[0];
  const senderAddress = sender?.address?.toLowerCase();
  if (!senderAddress) return { kind: 'ignored', reason: 'no-sender' };
  // The robot writes from the appeals address: its own letters must never become appeals (a mail loop).
  const robot = (readCmsEnv().MAIL_FROM ?? company.email).toLowerCase();
  if (senderAddress === mailbox || senderAddress.includes(robot)) return { kind: 'ignored', reason: 'own-letter' };
  // RFC 3834: automatic replies (vacation notices, bounces) must not be answered automatically.
  const autoSubmitted = String(parsed.headers.get('auto-submitted') ?? 'no').toLowerCase();
  if (autoSubmitted !== 'no' || parsed.headers.has('x-autoreply')) return { kind: 'ignored', reason: 'auto-reply' };

  const longKey = parsed.messageId ? `email:${parsed.messageId}` : `email:sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
  // Message-IDs have no length limit; an absurdly long one is hashed to keep the unique index small.
  const key = longKey.length <= 200 ? longKey : `email:sha256:${crypto.createHash('sha256').update(longKey).digest('hex')}`;
  // A redelivery: answer with the first registration before storing its files a second time.
  const earlier = await findRegistration(payload, key);
  if (earlier) return { kind: 'registered', registration: earlier };

  // Routed and reported like a form appeal: a letter has no topic field, so the settings give one.
  const topic = await emailAppealTopic(payload);
  const confirmationWithheld = await whyNoConfirmation(payload, parsed, senderAddress, mailbox);

  const { kept, skipped } = pickAttachments(parsed, settings.attachmentLimits);
  // One by one: a damaged file is named in the text instead of costing the client the whole letter.
  const attachmentIds: (number | string)[] = [];
  for (const file of kept) {
    try {
      attachmentIds.push(...(await storeAttachments(payload, [file])));
    } catch (error) {
      if (!(error instanceof FieldRejectedError)) {
        await removeAttachments(payload, attachmentIds);
        throw error;
      }
      skipped.push(`${file.safeName} (файл повреждён)`);
    }
  }
  const body = (parsed.text ?? '').trim();
  const subject = (parsed.subject ?? '').trim();
  const lines = [subject ? `Тема письма: ${subject}` : 'Письмо без темы', '', body || '(письмо без текста)'];
  if (skipped.length > 0) lines.push('', `Вложения, которые не удалось сохранить: ${skipped.join('; ')}.`);

  // A failure from here on (the sender will retry) must not leave this attempt's files behind.
  const registration = await registerAppeal(
    payload,
    'email',
    {
      ...(topic ? { topic } : {}),
      name: (sender?.name ?? '').trim().slice(0, 100) || senderAddress.split('@')[0] || senderAddress,
      email: senderAddress,
      answerChannel: 'email',
      text: lines.join('\n').slice(0, MAX_TEXT),
      details: { subject: subject.slice(0, 300) },
    },
    { ip: null, userAgent: null, idempotencyKey: key },
    // Received now (not the letter's Date header, which the sender's clock sets); no consent record in a letter.
    { attachmentIds, consent: null, ...(confirmationWithheld ? { confirmationWithheld } : {}) },
  ).catch(async (error: unknown) => {
    await removeAttachments(payload, attachmentIds);
    throw error;
  });
  return { kind: 'registered', registration };
}

/** The authserv-ids whose `Authentication-Results` are ours: `MAIL_AUTHSERV_ID`, or the appeals address's domain. */
export function ourAuthservIds(mailbox: string): string[] {
  const configured = readCmsEnv().MAIL_AUTHSERV_ID;
  if (configured !== undefined && configured.trim() !== '') return configured.split(',').map((id) => id.trim()).filter(Boolean);
  const domain = mailbox.split('@')[1];
  return domain ? [domain] : [];
}

/** Texts handlers see in «Письма робота» when a letter's confirmation is withheld. */
export const WITHHELD_CONFIRMATION = {
  forged: (method: 'spf' | 'dmarc') =>
    `Не отправляется: письмо не прошло проверку ${method.toUpperCase()} почтового сервера компании — адрес отправителя, вероятно, подделан.`,
  hourly: (limit: number) => `Не отправляется: с этого адреса за час пришло больше ${limit} обращений.`,
  daily: (limit: number) => `Не отправляется: на этот адрес за сутки уже отправлено подтверждений: ${limit}.`,
};

/**
 * Why this letter gets no confirmation, or undefined when it gets one. The appeal is registered all the same: a
 * confirmation goes to the `From:` address, which anyone can forge, so a flood of letters must not make the
 * company mail a third party (backscatter). In order: our receiving server found the sender forged (SPF or DMARC
 * fail in its `Authentication-Results`); more appeals from the address in the last hour than the forms allow
 * (`APPEALS_PER_EMAIL_PER_HOUR`); `EMAIL_CONFIRMATIONS_PER_DAY` confirmations to it already in the last day.
 */
async function whyNoConfirmation(payload: Payload, parsed: ParsedMail, senderAddress: string, mailbox: string): Promise<string | undefined> {
  const env = readCmsEnv();
  const headerValues = parsed.headerLines.filter((header) => header.key === 'authentication-results').map((header) => header.line.replace(/^[^:]*:/, ''));
  const verdict = senderVerdict(headerValues, ourAuthservIds(mailbox));
  if (verdict.kind === 'failed') return WITHHELD_CONFIRMATION.forged(verdict.method);
  if (!(await emailWithinLimit(payload, senderAddress))) return WITHHELD_CONFIRMATION.hourly(env.APPEALS_PER_EMAIL_PER_HOUR);
  const confirmedToday = await recentAppealsFrom(payload, senderAddress, 24 * 60 * 60 * 1000, new Date(), [
    { type: { equals: 'email' } },
    { 'confirmation.state': { in: ['pending', 'sent'] } },
  ]);
  if (confirmedToday >= env.EMAIL_CONFIRMATIONS_PER_DAY) return WITHHELD_CONFIRMATION.daily(env.EMAIL_CONFIRMATIONS_PER_DAY);
  return undefined;
}

/** Attachments that pass the same checks as the forms' (type by content, size, count); the others are named. */
function pickAttachments(parsed: ParsedMail, limits: { maxFileMb: number; maxFiles: number }): { kept: CheckedFile[]; skipped: string[] } {
  const kept: CheckedFile[] = [];
  const skipped: string[] = [];
  for (const attachment of parsed.attachments) {
    // Inline pictures of signatures and logos are not the client's documents.
    if (attachment.related) continue;
    const name = safeFileName(attachment.filename ?? 'вложение');
    if (kept.length >= limits.maxFiles) {
      skipped.push(`${name} (больше ${limits.maxFiles} файлов)`);
      continue;
    }
    const checked = checkAttachments([{ name, bytes: new Uint8Array(attachment.content) }], limits);
    if (checked.ok) kept.push(...checked.files);
    else skipped.push(`${name} (${checked.message.replace(/^Файл «[^»]*» /, '')})`);
  }
  return { kept, skipped };
}
