import type { Browser, Locator, Page } from 'playwright-core';
import { openAdmin, type AdminSession } from './cms-admin';
import { ADMIN, CMS_URL } from './env';

/**
 * The operator's side of the chat journey (e2e/chat.spec.ts): a second browser, signed in to the admin as the e2e
 * stack's administrator, working in the «Онлайн-консультант» console (cms/src/components/ChatConsole.tsx) by its
 * roles and labels — the queue's «Принять», the reply box, «Отложить до …» — as an operator would.
 */
export interface ChatOperator {
  session: AdminSession;
  /** «Принять» on the conversation's queue entry; then it is the selected tab. */
  accept(conversationId: string): Promise<void>;
  reply(conversationId: string, text: string): Promise<void>;
  /** «Отложить до …» a company-local `YYYY-MM-DDTHH:mm`: the client is told the promised time. */
  defer(conversationId: string, untilLocal: string): Promise<void>;
  /** The console's conversation log (role log «Переписка») of the selected conversation. */
  log(): Locator;
  close(): Promise<void>;
}

/** The staff API the console calls (for the readiness check only; the journey uses the screen). */
export const CHAT_CONSOLE_API = '/api/chat-console/conversations';

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

export async function chatOperator(browser: Browser): Promise<ChatOperator> {
  const session = await openAdmin(browser, ADMIN);
  const { page } = session;
  // The admin's side navigation offers «Онлайн-консультант»; its link is followed (the stack's administrator may have
  // the navigation collapsed, where the link is in the page but not on screen).
  const link = page.getByRole('link', { name: 'Онлайн-консультант' }).first();
  await link.waitFor({ state: 'attached', timeout: 30_000 });
  await page.goto(new URL((await link.getAttribute('href')) ?? '/admin/chat-console', CMS_URL).href);
  await page.getByRole('heading', { name: /^Очередь/ }).waitFor({ timeout: 30_000 });
  const tab = (id: string) => page.getByRole('tab', { name: new RegExp(`№ ${id}(\\D|$)`) });
  const select = async (id: string) => {
    if ((await tab(id).getAttribute('aria-selected')) !== 'true') await tab(id).click();
    await page.getByRole('tabpanel', { name: new RegExp(`№ ${id}(\\D|$)`) }).waitFor();
  };
  return {
    session,
    async accept(id) {
      // The queue lists the conversation live (Server-Sent Events) under «Диалог № …» until someone takes it.
      const entry = page.getByRole('listitem').filter({ hasText: `Диалог № ${id} — ждёт` });
      await entry.waitFor({ timeout: 15_000 });
      await entry.getByRole('button', { name: 'Принять' }).click();
      await status(page, 'Диалог принят.').waitFor();
      await select(id);
    },
    async reply(id, text) {
      await select(id);
      await page.getByLabel('Ответ клиенту').fill(text);
      await page.getByRole('button', { name: 'Отправить', exact: true }).click();
      await page.getByRole('log', { name: 'Переписка' }).getByText(text).waitFor({ timeout: 10_000 });
    },
    async defer(id, untilLocal) {
      await select(id);
      await page.getByText('Отложить до …', { exact: true }).click();
      await page.getByLabel(/^Дата и время/).fill(untilLocal);
      await page.getByRole('button', { name: 'Отложить', exact: true }).click();
      await status(page, /^Диалог отложен/).waitFor();
    },
    log: () => page.getByRole('log', { name: 'Переписка' }),
    close: () => session.context.close(),
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
