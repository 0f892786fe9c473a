import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from 'payload';
import { PASSWORD_POLICY_MESSAGE } from '../src/collections/Users/password-policy';
import { createStaff, startTestCms, type TestCms } from './harness';

let cms: TestCms;
let payload: Payload;

beforeAll(async () => {
  cms = await startTestCms();
  payload = cms.payload;
}, 180_000);
afterAll(async () => {
  await cms?.close();
});

describe('staff password policy', () => {
  it.each(['short-1', 'aaaaaaaaaaaaaaaa', '121212121212121'])('refuses «%s» with a Russian explanation', async (password) => {
    await expect(
      payload.create({ collection: 'users', overrideAccess: true, data: { email: `weak-${password.length}@example.ru`, password, roles: ['editor'] } as never }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'password', message: PASSWORD_POLICY_MESSAGE })] } });
  });

  it('accepts a long passphrase, and refuses a weak one on a password change', async () => {
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'strong@example.ru', password: 'тёплый вечер у реки', roles: ['editor'] } as never,
    });
    await expect(
      payload.update({ collection: 'users', id: user.id, overrideAccess: true, data: { password: 'qwerty' } as never }),
    ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'password' })] } });
    const login = await payload.login({ collection: 'users', data: { email: 'strong@example.ru', password: 'тёплый вечер у реки' } });
    expect(login.token).toBeTruthy();
  });
});

describe('admin login rate limit', () => {
  it('locks the account after 5 wrong passwords, even for the right password afterwards', async () => {
    await createStaff(payload, 'target@example.ru', ['editor']);
    const attempt = (password: string) => payload.login({ collection: 'users', data: { email: 'target@example.ru', password } });
    for (let n = 0; n < 5; n += 1) await expect(attempt(`wrong-password-${n}`)).rejects.toThrow();
    await expect(attempt('staff-password-1234')).rejects.toMatchObject({ name: 'LockedAuth' });
  });
});
