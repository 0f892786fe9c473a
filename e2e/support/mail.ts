import { MAIL_URL } from './env';

export interface SinkMessage {
  id: string;
  to: string[] | string;
  subject: string;
  text: string;
  html?: string;
  receivedAt: string;
}

/** Waits until the mail sink holds a message to `address`, and returns the newest one. */
export async function waitForMail(address: string, timeoutMs = 60_000): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${MAIL_URL}/api/messages?to=${encodeURIComponent(address)}`);
    if (response.ok) {
      const body = (await response.json()) as SinkMessage[] | { messages: SinkMessage[] };
      const messages = Array.isArray(body) ? body : body.messages;
      if (messages.length > 0) return messages[0] as SinkMessage;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail to ${address} within ${timeoutMs / 1000} s`);
}

/** Waits until the mail sink holds a message to `address` whose subject contains `subjectPart`, and returns it. */
export async function waitForMailWithSubject(address: string, subjectPart: string, timeoutMs = 60_000): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${MAIL_URL}/api/messages?to=${encodeURIComponent(address)}`);
    if (response.ok) {
      const body = (await response.json()) as SinkMessage[] | { messages: SinkMessage[] };
      const found = (Array.isArray(body) ? body : body.messages).find((message) => message.subject.includes(subjectPart));
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail «${subjectPart}» to ${address} within ${timeoutMs / 1000} s`);
}
