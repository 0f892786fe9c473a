import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is scripts/lib/paths.ts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Executables of the pinned toolchain, independent of the caller's PATH. */
export const BIN = {
  node: path.join(ROOT, 'node_modules', '.bin', 'node'),
  next: path.join(ROOT, 'node_modules', '.bin', 'next'),
  astro: path.join(ROOT, 'node_modules', '.bin', 'astro'),
  tsx: path.join(ROOT, 'node_modules', '.bin', 'tsx'),
  vitest: path.join(ROOT, 'node_modules', '.bin', 'vitest'),
} as const;
