import { loginToCms, type CmsClient } from '../../scripts/lib/cms-client';
import { ADMIN, CMS_URL } from './env';

/**
 * The operator's side of the chat journey (e2e/chat.spec.ts), driven over the staff HTTP endpoints as the
 * administrator of the e2e stack.
 *
 * TODO(lead, issue 19): switch to the operators' console UI of branch `chat-console` once it is merged (a second
 * browser context logged in through `openAdmin`, e2e/support/cms-admin.ts). The paths and bodies below are
 * `chat-console`'s staff API as of its commit a4965c1 (cms/src/endpoints/chat-console.ts).
 */
export interface ChatOperator {
  accept(conversationId: string): Promise<void>;
  reply(conversationId: string, text: string): Promise<void>;
  /** «Отложить до …» a company-local `YYYY-MM-DDTHH:mm`: the client is told the promised time. */
  defer(conversationId: string, untilLocal: string): Promise<void>;
  close(conversationId: string): Promise<void>;
}

export const CHAT_CONSOLE_API = '/api/chat-console/conversations';

export async function chatOperator(): Promise<ChatOperator> {
  const admin: CmsClient = await loginToCms(CMS_URL, ADMIN.email, ADMIN.password);
  const path = (id: string, action: string) => `${CHAT_CONSOLE_API}/${encodeURIComponent(id)}/${action}`;
  return {
    accept: async (id) => void (await admin.request('POST', path(id, 'accept'), {})),
    reply: async (id, text) => void (await admin.request('POST', path(id, 'messages'), { text })),
    defer: async (id, until) => void (await admin.request('POST', path(id, 'defer'), { until })),
    close: async (id) => void (await admin.request('POST', path(id, 'close'), {})),
  };
}

/** What of the chat the stack serves: the client endpoints (branch chat-core) and the operators' ones (chat-console). */
export async function chatServerReady(siteUrl: string): Promise<{ client: boolean; operator: boolean }> {
  const suggest = await fetch(`${siteUrl}/api/chat/suggest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'счёт' }) }).catch(() => null);
  const client = suggest !== null && suggest.status !== 404;
  if (!client) console.warn('chat journeys skipped: the public server does not serve /api/chat/* (branch chat-core not merged)');
  const staff = await fetch(`${CMS_URL}${CHAT_CONSOLE_API}/0/accept`, { method: 'POST' }).catch(() => null);
  const operator = staff !== null && staff.status !== 404;
  if (!operator) console.warn(`chat operator journey skipped: the CMS does not serve ${CHAT_CONSOLE_API} (branch chat-console not merged)`);
  return { client, operator };
}
