import { createRoot, type Root } from 'react-dom/client';
import { parseChatLink } from '../lib/chat-session';
import { ChatDialog, setChatTimeZone } from './ChatDialog';

/**
 * Mounts the chat dialog on the first press of the launcher (scripts/chat-launcher.ts imports this module
 * only then, so pages carry none of it until the client asks). Later presses open the same dialog again,
 * with its conversation and event stream intact.
 */
let root: Root | null = null;
let openCount = 0;

export function openChat(launcher: HTMLElement): void {
  openCount += 1;
  let linked = null;
  if (document.querySelector('[data-chat-page]')) {
    linked = parseChatLink(window.location.search, window.location.hash);
    // The token leaves the address bar (and the history) once it is in storage.
    if (linked && window.location.hash) history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}`);
  }
  if (!root) {
    const container = document.createElement('div');
    container.className = 'chat-root';
    document.body.append(container);
    root = createRoot(container);
  }
  setChatTimeZone(launcher.dataset.timeZone);
  const maxFileMb = Number(launcher.dataset.maxFileMb);
  root.render(
    <ChatDialog
      launcher={launcher}
      privacyPolicyUrl={launcher.dataset.privacyUrl || '/privacy/'}
      attachmentLimits={{ maxFileMb: maxFileMb > 0 && maxFileMb <= 50 ? maxFileMb : 5, maxFiles: 1 }}
      linked={linked}
      openCount={openCount}
    />,
  );
}
