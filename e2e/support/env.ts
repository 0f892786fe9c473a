/** Where the stack under test runs; scripts/test.ts sets these after starting it. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the journeys through \`npm test\`, which starts the stack`);
  return value;
}

export const SITE_URL = required('E2E_SITE_URL');
export const MAIL_URL = required('E2E_MAIL_URL');
/** The mail sink's SMTP server: letters to the appeals address sent here become appeals. */
export const SMTP_URL = required('E2E_SMTP_URL');
/** The CMS process (loopback), for journeys that change a setting as an administrator would. */
export const CMS_URL = required('E2E_CMS_URL');
/** The administrator scripts/test.ts creates in the stack under test. */
export const ADMIN = { email: 'admin@example.ru', password: 'e2e-admin-password-1234' } as const;
