/**
 * The proof-of-work of the review and forum forms (issue 22; the forms' ALTCHA check). The forms are plain HTML posted
 * to their own page and work without this script; with it, the challenge is solved in the background once the visitor
 * starts on the form, and the solution goes with the post as the hidden `altcha` field. The public server then hands
 * the post to the CMS as a checked form (the forms' per-address limit) instead of a no-script one (its tighter limit).
 * If the check is off or fails, the form goes without a solution, exactly as without JavaScript.
 */
const FORMS = document.querySelectorAll<HTMLFormElement>('form[data-human-check]');

for (const form of FORMS) {
  let solution: Promise<string | null> | null = null;
  const start = () => {
    // The solver is loaded only now, so the page's own script stays small.
    solution ??= import('../lib/human-check').then((module) => module.startHumanCheck()).catch(() => null);
  };
  form.addEventListener('focusin', start, { once: true });
  form.addEventListener('pointerdown', start, { once: true });

  let sending = false;
  const submitter = form.querySelector<HTMLButtonElement>('button[type=submit], button:not([type])');
  const setBusy = (busy: boolean) => {
    sending = busy;
    if (!submitter) return;
    submitter.disabled = busy;
    if (busy) submitter.setAttribute('aria-busy', 'true');
    else submitter.removeAttribute('aria-busy');
  };
  // Back to this page from the answer (the browser's page cache): the form is usable again, with a fresh solution
  // (a solution is good for one post).
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    setBusy(false);
    solution = null;
  });
  form.addEventListener('submit', (event) => {
    if (sending || event.defaultPrevented) return;
    event.preventDefault();
    setBusy(true);
    start();
    void (solution ?? Promise.resolve(null)).then((altcha) => {
      form.querySelector('input[name="altcha"]')?.remove();
      if (altcha) {
        const field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'altcha';
        field.value = altcha;
        form.append(field);
      }
      // form.submit() skips validation and the submit event: the browser has already validated this submit.
      HTMLFormElement.prototype.submit.call(form);
    });
  });
}
