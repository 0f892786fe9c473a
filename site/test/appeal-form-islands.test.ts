import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_FORM_NAMES } from '@portal/core/appeal-form-paths';

const SITE = path.resolve(import.meta.dirname, '..', 'src');
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

const islands = fs.readdirSync(path.join(SITE, 'islands')).filter((name) => name.endsWith('Island.tsx'));
const islandSource = (name: string) => fs.readFileSync(path.join(SITE, 'islands', name), 'utf8');
const pageSources = [...filesUnder(path.join(SITE, 'pages')), ...filesUnder(path.join(SITE, 'components'))]
  .filter((file) => file.endsWith('.astro'))
  .map((file) => fs.readFileSync(file, 'utf8'));

describe('every appeal form of the table has an island that posts to it', () => {
  it.each(APPEAL_FORM_NAMES)('%s', (name) => {
    // The island names its form in the path call: `appealFormApiPath('complaint')` or a choice between two names.
    const posting = islands.filter((island) => new RegExp(`appealFormApiPath\\([^)]*'${name}'`).test(islandSource(island)));
    expect(posting, `no island posts to ${name}`).toHaveLength(1);
    const component = posting[0]!.replace(/\.tsx$/, '');
    expect(pageSources.some((source) => source.includes(`<${component}`)), `no page shows ${component}`).toBe(true);
  });
});
