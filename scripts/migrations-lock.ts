/**
 * `npm run migrations:lock`: appends the migrations index.ts runs that cms/migrations.lock.json does not record
 * yet, with the SHA-256 of their files. It never rewrites a recorded migration: when one changed, it says so and
 * changes nothing (committed migrations are forward-only; see README «Changing the CMS schema»).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOW_TO_ADD, LOCK_COMMENT, hashMigration, lockProblems, type MigrationLock } from '../cms/src/migrations-lock';
import { ROOT } from './lib/paths';

const lockFile = path.join(ROOT, 'cms', 'migrations.lock.json');
const migrationsDir = path.join(ROOT, 'cms', 'src', 'migrations');
const lock: MigrationLock = fs.existsSync(lockFile) ? (JSON.parse(fs.readFileSync(lockFile, 'utf8')) as MigrationLock) : { migrations: [] };
// Loaded by file URL so the root type check does not pull in the CMS's (Next's) global types.
const { migrations } = (await import(pathToFileURL(path.join(migrationsDir, 'index.ts')).href)) as { migrations: { name: string }[] };
const names = migrations.map((migration) => migration.name);
const { problems, unlocked } = lockProblems(lock, names, migrationsDir);
if (problems.length > 0) {
  process.stderr.write(`The lock is left unchanged: committed migrations changed.\n  ${problems.join('\n  ')}\n${HOW_TO_ADD}\n`);
  process.exit(1);
}
if (unlocked.length === 0) {
  process.stdout.write(`cms/migrations.lock.json already records all ${names.length} migrations.\n`);
  process.exit(0);
}
const next: MigrationLock = { $comment: LOCK_COMMENT, migrations: [...lock.migrations, ...unlocked.map((name) => hashMigration(migrationsDir, name))] };
fs.writeFileSync(lockFile, `${JSON.stringify(next, null, 2)}\n`);
process.stdout.write(`cms/migrations.lock.json: appended ${unlocked.join(', ')}. Commit it with the migration.\n`);
