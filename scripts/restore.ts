/**
 * `npm run restore <archive> [-- --into DIR]`: restores a backup into an empty data folder (default PORTAL_VAR_DIR,
 * i.e. var/). Refuses live data and archives of a newer portal; BACKUP_PASSPHRASE for encrypted archives.
 */
import { parseArgs } from 'node:util';
import { exitOnEnvError } from '@portal/core/env-config';
import { BackupError, codeMigrations, restoreBackup } from './lib/backup';
import { processEnv, readBackupConfig } from './lib/config';

const config = exitOnEnvError(() => readBackupConfig(processEnv));
const { values, positionals } = parseArgs({ options: { into: { type: 'string' } }, allowPositionals: true });
const say = (message: string) => process.stdout.write(`• ${message}\n`);

if (positionals.length !== 1) {
  process.stderr.write('Usage: npm run restore <archive> [-- --into <empty data folder>]\n');
  process.exit(2);
}

try {
  await restoreBackup({
    archive: positionals[0] as string,
    intoDir: values.into ?? config.varDir,
    attachmentsDir: config.attachmentsDir,
    passphrase: config.passphrase,
    codeMigrations: codeMigrations(),
    cmsPort: config.cmsPort,
    progress: say,
  });
  say('Start the portal (npm start): it serves the restored data.');
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  process.stderr.write(`Restore refused: ${error.message}\n`);
  process.exit(1);
}
