/**
 * The «Онлайн-консультант» button on every page. Without JavaScript it is a link to the question form; with
 * it, a press loads the chat (islands/ChatIsland.tsx, a separate chunk) and opens the dialog. Kept tiny: the
 * chat's code and React are fetched only when the client asks. The private page `/chat/` opens it at once.
 */
const launcher = document.querySelector<HTMLAnchorElement>('a[data-chat-launcher]');

if (launcher) {
  let loading = false;
  const open = async () => {
    if (loading) return;
    loading = true;
    launcher.setAttribute('aria-busy', 'true');
    try {
      const chat = await import('../islands/ChatIsland');
      chat.openChat(launcher);
    } catch {
      // The chunk could not load (offline, a new deploy): the link's own page still answers the question.
      window.location.assign(launcher.href);
    } finally {
      loading = false;
      launcher.removeAttribute('aria-busy');
    }
  };
  launcher.setAttribute('role', 'button');
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void open();
  });
  // A link-turned-button answers Space as a button does.
  launcher.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault();
      void open();
    }
  });
  let returning = false;
  try {
    returning = window.localStorage.getItem('portal-chat') !== null;
  } catch {
    // No storage: nothing to return to.
  }
  if (returning) launcher.classList.add('chat-launcher--active');
  if (document.querySelector('[data-chat-page]')) void open();
}
