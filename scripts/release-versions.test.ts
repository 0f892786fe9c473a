import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './lib/paths';

/** One version for the whole portal: every workspace's package.json carries the root's, and CHANGELOG.md has it. */
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { version: string; workspaces?: string[] };
const root = read('package.json');

describe('release versions', () => {
  it('every workspace package carries the root package\'s version', () => {
    const versions = Object.fromEntries(root.workspaces!.map((workspace) => [workspace, read(path.join(workspace, 'package.json')).version]));
    expect(versions).toEqual(Object.fromEntries(root.workspaces!.map((workspace) => [workspace, root.version])));
  });

  it('CHANGELOG.md opens with «Unreleased» and has a dated section for the current version', () => {
    const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const sections = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((match) => [match[1], match[2]]);
    expect(sections[0]).toEqual(['Unreleased', undefined]);
    expect(sections.find(([version]) => version === root.version)?.[1], `a «## [${root.version}] - YYYY-MM-DD» section`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
