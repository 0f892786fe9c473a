import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A hash of every file under the given paths (recursively, sorted), to skip rebuilds when nothing changed. */
export function fingerprint(root: string, entries: string[]): string {
  const hash = crypto.createHash('sha256');
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (name === 'node_modules' || name === '.next' || name.endsWith('.test.ts')) continue;
        visit(path.join(relative, name));
      }
      return;
    }
    hash.update(relative).update('\0').update(fs.readFileSync(full)).update('\0');
  };
  for (const entry of entries) visit(entry);
  return hash.digest('hex');
}
