/**
 * The booking island (issue 20): the steps of /zapis/ and /zapis/moya/ without page reloads. The server renders each
 * step (public-server/src/booking-page.ts) and the page works without this script; here a click on a step's link
 * or a form's submit fetches the same address from the same server and swaps only the steps' block, keeping the
 * address bar and Back/Forward in step with what is shown. Any failure falls back to an ordinary page load.
 */
const container = document.querySelector<HTMLElement>('[data-booking]');

/**
 * The proof-of-work solution for the contact form on show (the forms' ALTCHA check): solved in the background while
 * the client types, sent as `altcha`, good for one booking. The solver is loaded only when the contact step appears,
 * so the other steps stay a small script. Without it (check off, or it failed) the form goes without one and the
 * server counts it as a booking without JavaScript.
 */
let humanCheck: Promise<string | null> | null = null;
function startHumanCheckIfNeeded(): void {
  humanCheck = container?.querySelector('form.booking-form') ? import('../lib/human-check').then((module) => module.startHumanCheck()).catch(() => null) : null;
}
startHumanCheckIfNeeded();

async function show(url: string, init?: RequestInit, push = true): Promise<void> {
  if (!container) return;
  container.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(url, { ...init, headers: { accept: 'text/html' }, credentials: 'same-origin' });
    const html = await response.text();
    const next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-booking]');
    if (!next) throw new Error('no booking block');
    container.innerHTML = next.innerHTML;
    startHumanCheckIfNeeded();
    if (push) history.pushState({ booking: true }, '', response.url || url);
    const heading = container.querySelector<HTMLElement>('h2, [role=alert]');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  } catch {
    // Without the island: a GET as an ordinary page load; a POST as the form's own submit.
    if (!init?.method) window.location.href = url;
    else container.querySelector('form')?.submit();
  } finally {
    container.removeAttribute('aria-busy');
  }
}

container?.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith('/zapis/')) return;
  event.preventDefault();
  void show(url.href);
});

container?.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  // Attributes, not `form.method` / `form.action`: a control named «action» (the private page's) shadows the property.
  const action = new URL(form.getAttribute('action') ?? window.location.href, window.location.href).href;
  if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') return;
  event.preventDefault();
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
  const submitter = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (submitter) submitter.disabled = true;
  const solution = form.classList.contains('booking-form') ? humanCheck : null;
  // The answer to a POST has no address of its own: the address bar stays, Back returns to the step before.
  void (solution ?? Promise.resolve(null))
    .then((altcha) => {
      if (altcha) body.set('altcha', altcha);
      return show(action, { method: 'POST', body }, false);
    })
    .finally(() => {
      if (submitter) submitter.disabled = false;
    });
});

window.addEventListener('popstate', () => {
  void show(window.location.href, undefined, false);
});

// A page brought back from the back/forward cache shows the step it showed when left, which after the swaps above
// need not be the step of its address: show the address's step again.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) void show(window.location.href, undefined, false);
});
