import type { AnswerChannel } from './appeal-form-base';

/**
 * What every public form hands to the one registration path once its own schema has validated it: the
 * columns all appeals share, plus the form's own facts in `details` (service, rating, readings…). The
 * registration code never needs to know which form produced it.
 */
export interface AppealSubmission {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  answerChannel: AnswerChannel;
  postalAddress?: string | undefined;
  audience?: 'fl' | 'ul' | undefined;
  /** Topic slug of the shared taxonomy; forms without a topic field get one from the server. */
  topic?: string | undefined;
  accountNumber?: string | undefined;
  /** Slug of the client's settlement or district (CMS list `territories`), when the form asked for it. */
  territory?: string | undefined;
  /** The client's text, or a readable summary for forms without free text (meter readings). */
  text: string;
  /** Meter serial number, kept in its own column so the last readings of a meter can be found. */
  meterSerial?: string | undefined;
  /** Form-specific facts, stored as JSON and shown to handlers. */
  details?: Record<string, string | number | boolean | null> | undefined;
}
