import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Forward-only migrations (issue 16). Every migration a release shipped has been applied to somebody's database,
 * so its files must never change again: a changed or regenerated migration would leave installed portals with a
 * schema the code no longer describes. `cms/migrations.lock.json` records each committed migration in the order
 * `cms/src/migrations/index.ts` runs them, with the SHA-256 of its `.ts` and `.json`; a test compares the lock
 * with the files, and `npm run migrations:lock` appends new migrations (it never rewrites a recorded one).
 *
 * The lock lives outside `src/migrations/`: Payload takes the newest `.json` of that folder as the schema snapshot
 * the next `migrate:create` compares with.
 */

/** One recorded migration. */
export interface LockedMigration {
  name: string;
  /** SHA-256 (hex) of `<name>.ts`. */
  ts: string;
  /** SHA-256 (hex) of `<name>.json`, the schema snapshot Payload wrote with it. */
  json: string;
}

export interface MigrationLock {
  $comment?: string;
  migrations: LockedMigration[];
}

export const LOCK_COMMENT =
  'Forward-only migrations: every committed migration with the SHA-256 of its files, in the order cms/src/migrations/index.ts runs them. Never edit an entry; append new migrations with `npm run migrations:lock`.';

/** How to add a schema change the right way; every failure message ends with it. */
export const HOW_TO_ADD =
  'Committed migrations are forward-only: never edit, regenerate, rename, reorder or delete one (restore it with `git checkout main -- cms/src/migrations/`). Put a schema change in a new migration: `cd cms && npx payload migrate:create <branch_name>`, then `npm run migrations:lock` to append it to cms/migrations.lock.json, and commit the .ts, .json, index.ts and the lock together.';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The hashes of one migration's files as they are on disk; a missing file hashes to `missing`. */
export function hashMigration(migrationsDir: string, name: string): LockedMigration {
  const hash = (file: string) => (fs.existsSync(file) ? sha256(fs.readFileSync(file)) : 'missing');
  return { name, ts: hash(path.join(migrationsDir, `${name}.ts`)), json: hash(path.join(migrationsDir, `${name}.json`)) };
}

/** The names of the migration files in the folder (each `<name>.ts` except index.ts), sorted. */
export function migrationFilesIn(migrationsDir: string): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/**
 * What breaks the forward-only rule, one line each (empty when the lock, index.ts and the files agree):
 * a recorded migration changed, renamed or gone; index.ts running recorded migrations in another order or a
 * new one before a recorded one; a migration in index.ts the lock does not record yet (`unlocked`, which
 * `npm run migrations:lock` fixes); a migration file index.ts does not run.
 */
export function lockProblems(lock: MigrationLock, indexNames: readonly string[], migrationsDir: string): { problems: string[]; unlocked: string[] } {
  const problems: string[] = [];
  lock.migrations.forEach((locked, position) => {
    const now = hashMigration(migrationsDir, locked.name);
    if (now.ts === 'missing' && now.json === 'missing') problems.push(`${locked.name}: deleted or renamed (both its files are gone)`);
    else {
      if (now.ts !== locked.ts) problems.push(`${locked.name}.ts: changed since it was committed (${now.ts === 'missing' ? 'missing' : `SHA-256 ${now.ts}, locked ${locked.ts}`})`);
      if (now.json !== locked.json) problems.push(`${locked.name}.json: changed since it was committed (${now.json === 'missing' ? 'missing' : `SHA-256 ${now.json}, locked ${locked.json}`})`);
    }
    const listed = indexNames[position];
    if (listed !== locked.name) {
      const at = indexNames.indexOf(locked.name);
      problems.push(
        at < 0
          ? `index.ts no longer runs ${locked.name} (locked as migration ${position + 1})`
          : `index.ts runs ${locked.name} as migration ${at + 1}, locked as migration ${position + 1} (${listed ?? 'nothing'} is there now)`,
      );
    }
  });
  const lockedNames = new Set(lock.migrations.map((locked) => locked.name));
  const unlocked = indexNames.filter((name) => !lockedNames.has(name));
  for (const name of migrationFilesIn(migrationsDir)) {
    if (!indexNames.includes(name)) problems.push(`${name}.ts is in cms/src/migrations/ but index.ts does not run it`);
  }
  return { problems, unlocked };
}
