/** The local mail sink of the embedded stack: SMTP on loopback plus a read-only web view. */
import { createMailIntakeForwarder } from '@portal/mail-sink/mail-intake-forwarder';
import { startMailSink } from '@portal/mail-sink/mail-sink';

// Letters to the appeals mailbox go to the CMS's intake endpoint when the stack configures it.
const intake =
  process.env.MAIL_INTAKE_URL && process.env.MAIL_INTAKE_TOKEN && process.env.MAIL_INTAKE_ADDRESS
    ? createMailIntakeForwarder({ url: process.env.MAIL_INTAKE_URL, token: process.env.MAIL_INTAKE_TOKEN, mailbox: process.env.MAIL_INTAKE_ADDRESS })
    : undefined;

const sink = await startMailSink({
  ...(intake ? { onMessage: intake } : {}),
  smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 2525),
  webPort: Number(process.env.MAIL_WEB_PORT ?? 3025),
  dir: process.env.MAIL_DIR ?? 'var/mail',
});
process.stdout.write(`mail sink: SMTP 127.0.0.1:${sink.smtpPort}, web ${sink.webUrl}\n`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
