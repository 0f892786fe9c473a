import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../src/migrations';
import { HOW_TO_ADD, lockProblems, type MigrationLock } from '../src/migrations-lock';

/**
 * Forward-only migrations (issue 16): a migration a release shipped has run on somebody's database, so it is never
 * edited, regenerated, renamed, reordered or deleted. cms/migrations.lock.json records each with the SHA-256 of
 * its files; new ones are appended by `npm run migrations:lock`.
 */
const CMS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS_DIR = path.join(CMS, 'src', 'migrations');
const lock = JSON.parse(fs.readFileSync(path.join(CMS, 'migrations.lock.json'), 'utf8')) as MigrationLock;
const names = migrations.map((migration) => migration.name);

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
/** A copy of the migrations folder to break on purpose. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'));
  scratch.push(dir);
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('committed migrations are forward-only', () => {
  it('every locked migration is unchanged and index.ts runs them in the locked order, new ones only after them', () => {
    const { problems, unlocked } = lockProblems(lock, names, MIGRATIONS_DIR);
    expect(problems, `${problems.join('\n')}\n${HOW_TO_ADD}`).toEqual([]);
    expect(unlocked, `Migrations not yet in cms/migrations.lock.json: ${unlocked.join(', ')}. Run \`npm run migrations:lock\` and commit the lock.\n${HOW_TO_ADD}`).toEqual([]);
  });

  it('the release 0.1.0 migrations are locked (the upgrade fixture was made by them)', () => {
    expect(lock.migrations.slice(0, 6).map((locked) => locked.name)).toEqual([
      '20261127_162233_initial',
      '20261127_164223_issue6_appeal_workflow',
      '20261127_175259_issue6_handling',
      '20261127_190749_issue5_6_gaps',
      '20261207_064236_issue14_stored_letter_dates',
      '20261207_151438_sec_appeal_records',
    ]);
  });

  // The checker itself, on broken copies: each way of breaking the rule is named.
  it('names an edited, a regenerated snapshot, a deleted and a reordered migration, and an unlisted file', () => {
    const dir = copyOfMigrations();
    fs.appendFileSync(path.join(dir, '20261127_162233_initial.ts'), '\n// edited\n');
    fs.writeFileSync(path.join(dir, '20261207_151438_sec_appeal_records.json'), '{}');
    fs.rmSync(path.join(dir, '20261127_175259_issue6_handling.ts'));
    fs.rmSync(path.join(dir, '20261127_175259_issue6_handling.json'));
    fs.writeFileSync(path.join(dir, '20261208_000000_stray.ts'), 'export {}');
    const reordered = [names[0]!, names[2]!, names[1]!, ...names.slice(3)];
    const { problems } = lockProblems(lock, reordered, dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^20261127_162233_initial\.ts: changed since it was committed/),
        expect.stringMatching(/^20261207_151438_sec_appeal_records\.json: changed since it was committed/),
        '20261127_175259_issue6_handling: deleted or renamed (both its files are gone)',
        'index.ts runs 20261127_164223_issue6_appeal_workflow as migration 3, locked as migration 2 (20261127_175259_issue6_handling is there now)',
        '20261208_000000_stray.ts is in cms/src/migrations/ but index.ts does not run it',
      ]),
    );
  });

  it('a new migration appended after the locked ones is only «unlocked»; one inserted before them breaks the order', () => {
    const dir = copyOfMigrations();
    fs.writeFileSync(path.join(dir, '20261208_000000_next.ts'), 'export {}');
    fs.writeFileSync(path.join(dir, '20261208_000000_next.json'), '{}');
    expect(lockProblems(lock, [...names, '20261208_000000_next'], dir)).toEqual({ problems: [], unlocked: ['20261208_000000_next'] });
    const inserted = lockProblems(lock, ['20261208_000000_next', ...names], dir);
    expect(inserted.problems[0]).toBe('index.ts runs 20261127_162233_initial as migration 2, locked as migration 1 (20261208_000000_next is there now)');
  });
});
