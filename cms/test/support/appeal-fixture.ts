import type { Payload } from 'payload';
import type { AppealType } from '@portal/core/appeal-type';
import { formatRegistrationNumber } from '@portal/core/registration-number';

/** An appeal row as tests read it back. */
export interface TestAppeal {
  id: number | string;
  registrationNumber: string;
}

// Numbers of fixture appeals: unique within a test process, far from both 1 (the robot's first numbers) and the
// 999999 that tests use for «no such appeal».
let serial = 500_000;

/**
 * Stores an appeal directly in a given state, as the robot would have stored it — for tests of what happens to an
 * appeal after registration. Defaults: a question by e-mail from «Ольга Сергеевна», received 20 November 2026,
 * registered, due 4 December; `fields` override any of them (Payload's field names). The registration number
 * follows the type and the year received unless given.
 */
export async function storeTestAppeal(payload: Payload, fields: Record<string, unknown> = {}): Promise<TestAppeal> {
  serial += 1;
  const type = (fields.type as AppealType | undefined) ?? 'question';
  const receivedAt = (fields.receivedAt as string | undefined) ?? '2026-11-20T09:00:00.000Z';
  const doc = await payload.create({
    collection: 'appeals',
    overrideAccess: true,
    depth: 0,
    data: {
      registrationNumber: formatRegistrationNumber(type, Number(receivedAt.slice(0, 4)), serial),
      type,
      status: 'registered',
      receivedAt,
      deadlineDate: '2026-12-04',
      name: 'Ольга Сергеевна',
      email: 'olga@example.ru',
      phone: null,
      answerChannel: 'email',
      text: 'Когда можно передать показания счётчика в этом месяце?',
      ...fields,
    } as never,
  });
  return doc as unknown as TestAppeal;
}
