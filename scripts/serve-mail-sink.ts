/** The local mail sink of the embedded stack: SMTP on loopback plus a read-only web view. */
import { startMailSink } from '@portal/forms-api/mail-sink';

const sink = await startMailSink({
  smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 2525),
  webPort: Number(process.env.MAIL_WEB_PORT ?? 3025),
  dir: process.env.MAIL_DIR ?? 'var/mail',
});
process.stdout.write(`mail sink: SMTP 127.0.0.1:${sink.smtpPort}, web ${sink.webUrl}\n`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
