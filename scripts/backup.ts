/**
 * `npm run backup [-- --out FILE]`: an archive of the running portal's data (database copy taken by the CMS,
 * attachments, document files, the generated secret) into BACKUP_DIR (default var/backups), owner-only, encrypted
 * when BACKUP_PASSPHRASE is set. See README «Backups».
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitOnEnvError } from '@portal/core/env-config';
import { archiveFileName } from '../cms/src/backup/pack';
import { BackupError, takeBackup } from './lib/backup';
import { processEnv, readBackupConfig } from './lib/config';
import { ROOT } from './lib/paths';

const config = exitOnEnvError(() => readBackupConfig(processEnv));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const say = (message: string) => process.stdout.write(`• ${message}\n`);

if (config.usesMongo) {
  process.stderr.write(
    'DATABASE_URL points to MongoDB: npm run backup copies SQLite only. Back MongoDB up with its own tools: ' +
      'snapshots of a replica-set member (filesystem or cloud snapshots), or `mongodump --oplog` for a consistent dump; ' +
      'copy ATTACHMENTS_DIR and var/uploads beside it. See README «Backups».\n',
  );
  process.exit(2);
}

const outFile = path.resolve(values.out ?? path.join(config.backupDir, archiveFileName(new Date(), Boolean(config.passphrase))));
fs.mkdirSync(path.dirname(outFile), { recursive: true, mode: 0o700 });
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

try {
  await takeBackup({
    cmsUrl: config.cmsUrl,
    internalToken: config.internalToken,
    secretFile: path.join(config.varDir, 'payload-secret'),
    outFile,
    passphrase: config.passphrase,
    portalVersion: version,
    progress: say,
  });
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  process.stderr.write(`Backup failed: ${error.message}\n`);
  process.exit(1);
}
