/**
 * `npm run reindex`: rebuilds the whole search index (every search source, current synonyms) inside the
 * running CMS process — the only process that opens the database — through its loopback-only,
 * administrator-only endpoint POST /api/search/reindex. Needs the administrator's password:
 * `ADMIN_PASSWORD=… npm run reindex` (ADMIN_EMAIL defaults to admin@example.ru; CMS_URL to
 * http://127.0.0.1:$CMS_PORT, port 3001 by default).
 */
import { exitOnEnvError } from '@portal/core/env-config';
import { processEnv, readReindexConfig } from './lib/config';

const { cmsUrl, adminEmail, adminPassword } = exitOnEnvError(() => readReindexConfig(processEnv));

const login = await fetch(`${cmsUrl}/api/users/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: adminEmail, password: adminPassword }),
});
if (!login.ok) {
  process.stderr.write(`Login to ${cmsUrl} failed (HTTP ${login.status}).\n`);
  process.exit(1);
}
const { token } = (await login.json()) as { token: string };
const started = Date.now();
const response = await fetch(`${cmsUrl}/api/search/reindex`, { method: 'POST', headers: { Authorization: `JWT ${token}` } });
if (!response.ok) {
  process.stderr.write(`Re-index failed (HTTP ${response.status}).\n`);
  process.exit(1);
}
const result = (await response.json()) as { indexed: number; engine: string };
process.stdout.write(`Search index rebuilt: ${result.indexed} documents in the ${result.engine} engine (${Date.now() - started} ms).\n`);
