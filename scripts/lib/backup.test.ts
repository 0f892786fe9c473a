import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeArchive, type ArchiveInput } from '../../cms/src/backup/archive';
import { BackupError, codeMigrations, liveDataIn, restoreBackup } from './backup';
import { ROOT } from './paths';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-restore-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, 'src', name);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.writeFileSync(at, content);
  return at;
};
const BASE = { snapshotAt: '2026-12-07T10:00:00.000Z', createdAt: '2026-12-07T10:00:01.000Z', portalVersion: '0.1.0', migration: 'm2', migrations: ['m1', 'm2'], counts: { appeals: 3, attachments: 1, documentFiles: 0 }, missing: [] };

function inputs(): ArchiveInput[] {
  return [
    { kind: 'database', name: 'portal.db', file: file('portal.db', 'SQLite format 3\0 pretend') },
    { kind: 'secret', name: 'payload-secret', file: file('payload-secret', 'a'.repeat(64)) },
    // Bigger than one read chunk (64 KiB), so the streaming path with back-pressure is exercised.
    { kind: 'attachments', name: 'scan.pdf', file: file('scan.pdf', crypto.randomBytes(300_000)) },
  ];
}

describe('restore', () => {
  const restore = (archive: string, intoDir: string, codeMigrations = ['m1', 'm2']) => restoreBackup({ archive, intoDir, codeMigrations, progress: () => undefined });

  it('puts the database, the secret and the attachments where npm start reads them', async () => {
    const out = path.join(dir, 'a.tar.gz');
    await writeArchive(out, inputs(), BASE);
    const into = path.join(dir, 'var');
    await restore(out, into);
    expect(fs.readFileSync(path.join(into, 'portal.db'), 'utf8')).toBe('SQLite format 3\0 pretend');
    expect(fs.readFileSync(path.join(into, 'payload-secret'), 'utf8')).toBe('a'.repeat(64));
    expect(fs.statSync(path.join(into, 'payload-secret')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(into, 'attachments', 'scan.pdf'))).toBe(true);
    expect(fs.readdirSync(into).sort()).toEqual(['attachments', 'payload-secret', 'portal.db']);
  });

  it('refuses a database migrated by a newer portal, and leaves the folder empty', async () => {
    const out = path.join(dir, 'a.tar.gz');
    await writeArchive(out, inputs(), BASE);
    const into = path.join(dir, 'var');
    await expect(restore(out, into, ['m1'])).rejects.toThrow(/migration m2 is unknown to this code/);
    expect(fs.readdirSync(into)).toEqual([]);
  });

  it('refuses to restore over a non-empty database file and changes nothing', async () => {
    const out = path.join(dir, 'a.tar.gz');
    await writeArchive(out, inputs(), BASE);
    const into = path.join(dir, 'var');
    fs.mkdirSync(into);
    fs.writeFileSync(path.join(into, 'portal.db'), 'live data');
    await expect(restore(out, into)).rejects.toThrow(BackupError);
    await expect(restore(out, into)).rejects.toThrow(/refusing to restore over live data/);
    expect(fs.readdirSync(into)).toEqual(['portal.db']);
    expect(fs.readFileSync(path.join(into, 'portal.db'), 'utf8')).toBe('live data');
    expect(liveDataIn(path.join(dir, 'nothing-here'), path.join(dir, 'nothing-here', 'attachments'))).toBeNull();
  });

  it('knows the migrations of this code, the newest last', () => {
    const names = codeMigrations();
    expect(names[0]).toBe('20261127_162233_initial');
    expect(names.length).toBe(fs.readdirSync(path.join(ROOT, 'cms', 'src', 'migrations')).filter((name) => /^\d{8}_\d{6}_.*\.ts$/.test(name)).length);
    expect([...names].sort()).toEqual(names);
  });
});

describe('npm run backup on MongoDB', () => {
  it('refuses and names the tools to use instead, writing no archive', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'backup.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'mongodb://127.0.0.1:1/portal', BACKUP_DIR: path.join(dir, 'backups') },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/replica-set member/);
    expect(result.stderr).toMatch(/mongodump --oplog/);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  }, 60_000);
});
