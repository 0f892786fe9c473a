import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The benchmark's mailbox of 20,000 letters listed 47 fewer than the sink had accepted: the listing opened every file
 * at once, the process ran out of file descriptors, and the letters it could not open were silently left out. Here
 * a mailbox of 1,000 letters is listed by a process allowed 128 open files: every letter must be listed.
 */
const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const LETTERS = 1000;

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-mail-store-'));
  for (let i = 0; i < LETTERS; i++) {
    const id = `20261208T010000${String(i).padStart(3, '0')}Z-${i.toString(16).padStart(8, '0')}`;
    const record = { id, receivedAt: '2026-12-08T01:00:00.000Z', from: 'robot@energo.example', to: [`n${i}@example.ru`], envelopeTo: [`n${i}@example.ru`], subject: 'Тест', messageId: null, text: 'т', html: null, attachments: [] };
    fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(record));
    fs.writeFileSync(path.join(dir, `${id}.eml`), 'Subject: t\r\n\r\nt\r\n');
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('listing a large mailbox', () => {
  it('a process allowed 128 open files lists every one of 1,000 letters, each address once', async () => {
    const script = `import { createMailStore } from ${JSON.stringify(path.join(here, 'mail-store.ts'))};
const list = await createMailStore(${JSON.stringify(dir)}).list();
process.stdout.write(JSON.stringify(list.map((letter) => letter.to[0])));`;
    const file = path.join(dir, 'list.mts');
    fs.writeFileSync(file, script);
    const { stdout } = await run('sh', ['-c', `ulimit -n 128 && exec "${tsx}" "${file}"`], { cwd: root, timeout: 60_000 });
    const addresses = JSON.parse(stdout) as string[];
    expect(addresses).toHaveLength(LETTERS);
    expect(new Set(addresses).size).toBe(LETTERS);
  }, 90_000);
});
