/**
 * Drives an e-mail campaign on a running stack from the outside (the fault test and the benchmark): a manager and an
 * imported list of `count` generated addresses, a scenario, a campaign by the administrator approved by the
 * manager, then the mail sink's count per address and the CMS's own figures.
 */
import { loginToCms, type CmsClient } from './cms-client';

export interface DrivenCampaign {
  id: number | string;
  addresses: string[];
  admin: CmsClient;
  manager: CmsClient;
}

const MANAGER_PASSWORD = 'campaign-manager-password-1234';

/** Sets up and approves a campaign to `count` addresses `<prefix>.<n>@example.ru`, window from now for an hour. */
export async function approveCampaign(
  cmsUrl: string,
  admin: { email: string; password: string },
  options: { prefix: string; count: number; perMinute: number },
): Promise<DrivenCampaign> {
  const adminClient = await loginToCms(cmsUrl, admin.email, admin.password);
  const managerEmail = `manager-${options.prefix}@example-energo.ru`;
  await adminClient.request('POST', '/api/users', { email: managerEmail, password: MANAGER_PASSWORD, name: 'Руководитель', roles: ['manager'] });
  const manager = await loginToCms(cmsUrl, managerEmail, MANAGER_PASSWORD);
  const addresses = Array.from({ length: options.count }, (_, i) => `${options.prefix}.${i}@example.ru`);
  const list = await adminClient.request<{ doc: { id: number } }>('POST', '/api/alert-lists', {
    title: `Список ${options.prefix}`,
    type: 'imported',
    voluntary: true,
    csv: ['email', ...addresses].join('\n'),
  });
  const scenario = await adminClient.request<{ doc: { id: number } }>('POST', '/api/alert-scenarios', {
    title: `Сценарий ${options.prefix}`,
    subject: 'Плановое отключение электроэнергии',
    body: 'Уважаемые клиенты!\n\nЗавтра с 9:00 до 18:00 плановые работы на линии.',
  });
  const now = Date.now();
  const campaign = await adminClient.request<{ doc: { id: number } }>('POST', '/api/alert-campaigns', {
    title: `Рассылка ${options.prefix}`,
    scenario: scenario.doc.id,
    list: list.doc.id,
    startAt: new Date(now).toISOString(),
    endAt: new Date(now + 60 * 60_000).toISOString(),
    perMinute: options.perMinute,
  });
  const id = campaign.doc.id;
  await adminClient.request('POST', `/api/alert-campaigns/${id}/transition`, { to: 'awaiting-approval' });
  await manager.request('POST', `/api/alert-campaigns/${id}/transition`, { to: 'approved' });
  return { id, addresses, admin: adminClient, manager };
}

/** The campaign's letters in the sink: when each arrived (epoch ms) by address. */
export async function campaignMail(mailUrl: string, prefix: string): Promise<Map<string, number[]>> {
  const messages = (await (await fetch(`${mailUrl}/api/messages`)).json()) as { to: string[]; receivedAt: string }[];
  const arrivals = new Map<string, number[]>();
  for (const message of messages) {
    for (const to of message.to) if (to.startsWith(`${prefix}.`)) arrivals.set(to, [...(arrivals.get(to) ?? []), Date.parse(message.receivedAt)]);
  }
  return arrivals;
}

/**
 * The distinct Message-IDs of the campaign's letters in the sink, by address: a letter the relay got twice (sent
 * again after a crash) is the same message when both copies carry one Message-ID.
 */
export async function messageIdsPerAddress(mailUrl: string, prefix: string): Promise<Map<string, Set<string>>> {
  const messages = (await (await fetch(`${mailUrl}/api/messages`)).json()) as { to: string[]; messageId: string | null }[];
  const ids = new Map<string, Set<string>>();
  for (const message of messages) {
    for (const to of message.to) {
      if (!to.startsWith(`${prefix}.`)) continue;
      const set = ids.get(to) ?? new Set<string>();
      set.add(message.messageId ?? '(none)');
      ids.set(to, set);
    }
  }
  return ids;
}

/** Letters in the sink per address of the campaign (addresses with none are absent). */
export async function lettersPerAddress(mailUrl: string, prefix: string): Promise<Map<string, number>> {
  return new Map([...(await campaignMail(mailUrl, prefix))].map(([address, times]) => [address, times.length]));
}

export interface CampaignFigures {
  state: string;
  recipients: number;
  byState: Record<string, number>;
  outbox: { pending: number; held: number; sent: number; cancelled: number; failing: number };
}

export function campaignFigures(client: CmsClient, id: number | string): Promise<CampaignFigures> {
  return client.request<CampaignFigures>('GET', `/api/alert-campaigns/${id}/progress`);
}
