import type { ServerProps } from 'payload';
import { canUseChatConsole } from '../access/roles';
import { CHAT_CONSOLE_VIEW_PATH } from './chat-console-path';

/** «Онлайн-консультант» in the admin's side navigation, for handlers, managers and administrators. */
export function ChatConsoleNavLink({ user }: ServerProps) {
  const roles = ((user as { roles?: string[] } | undefined)?.roles ?? []) as string[];
  if (!canUseChatConsole(roles)) return null;
  return (
    <a className="nav__link" href={`/admin${CHAT_CONSOLE_VIEW_PATH}`} style={{ display: 'block', marginBlock: '0.5rem' }}>
      <span className="nav__link-label">Онлайн-консультант</span>
    </a>
  );
}
