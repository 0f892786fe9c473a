import { CMS_URL } from './env';

/** The administrator `npm test` creates (scripts/test.ts sets ADMIN_PASSWORD for the stack). */
const ADMIN = { email: 'admin@example.ru', password: 'e2e-admin-password-1234' };

/** Changes company settings through the CMS REST API, as an administrator would in the admin panel. */
export async function updateCompanySettings(data: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${CMS_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${CMS_URL}/api/globals/company-settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  });
  if (!response.ok) throw new Error(`settings update failed: ${response.status} ${await response.text()}`);
}

/** The value of a named counter (e.g. the FAQ suggestion counts), 0 when it was never incremented. */
export async function readCounter(key: string): Promise<number> {
  const login = await fetch(`${CMS_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${CMS_URL}/api/counters?where[key][equals]=${encodeURIComponent(key)}`, { headers: { Authorization: `JWT ${token}` } });
  const body = (await response.json()) as { docs: { value: number }[] };
  return body.docs[0]?.value ?? 0;
}
