/** The local mail sink of the embedded stack: SMTP on loopback plus a read-only web view. */
import { exitOnEnvError } from '@portal/core/env-config';
import { readMailSinkConfig } from '@portal/mail-sink/mail-sink-config';
import { createMailIntakeForwarder } from '@portal/mail-sink/mail-intake-forwarder';
import { startMailSink } from '@portal/mail-sink/mail-sink';

const config = exitOnEnvError(() => readMailSinkConfig(process.env));
// Letters to the appeals mailbox go to the CMS's intake endpoint when the stack configures it.
const intake = config.intake ? createMailIntakeForwarder(config.intake) : undefined;

const sink = await startMailSink({
  ...(intake ? { onMessage: intake } : {}),
  smtpPort: config.smtpPort,
  webPort: config.webPort,
  dir: config.dir,
});
process.stdout.write(`mail sink: SMTP 127.0.0.1:${sink.smtpPort}, web ${sink.webUrl}\n`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
