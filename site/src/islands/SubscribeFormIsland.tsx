import { useEffect } from 'react';
import { startHumanCheck } from '../lib/human-check';
import { ALERTS_SUBSCRIBE_API_PATH } from '../lib/urls';

const FAILURE = 'Не удалось отправить форму. Пожалуйста, попробуйте ещё раз чуть позже — данные остались в форме.';

interface Props {
  /** The id of the server-rendered `<form>` this island enhances. */
  formId: string;
  /** The id of the form's status region (`role="status"`). */
  statusId: string;
}

/**
 * The subscription form's script (the form itself is plain HTML and works without it, under a tight per-IP limit).
 * With the script the form fetches the proof-of-work challenge as soon as the page opens, solves it in the
 * background (ALTCHA, as on the appeal forms) and sends the fields as JSON with the solution in `altcha`; the answer
 * (check your mail, or what to correct) is shown in the form's status region. Renders nothing itself.
 */
export function SubscribeFormIsland({ formId, statusId }: Props) {
  useEffect(() => {
    const form = document.getElementById(formId);
    const status = document.getElementById(statusId);
    if (!(form instanceof HTMLFormElement) || !status) return;
    let humanCheck = startHumanCheck();
    let sending = false;
    const show = (messages: string[], done = false) => {
      status.replaceChildren(
        ...messages.map((message) => {
          const line = document.createElement('p');
          line.textContent = message;
          return line;
        }),
      );
      status.classList.toggle('alert-subscribe__status--error', !done);
      if (done) form.querySelectorAll('input, button').forEach((element) => ((element as HTMLInputElement).disabled = true));
      status.focus();
    };
    const onSubmit = async (event: SubmitEvent) => {
      event.preventDefault();
      if (sending) return;
      sending = true;
      const data = new FormData(form);
      const body = {
        email: String(data.get('email') ?? ''),
        settlements: data.getAll('settlements').map(String),
        streets: data.getAll('streets').map(String),
        kinds: data.getAll('kinds').map(String),
        consent: data.get('consent') === 'on',
        website: String(data.get('website') ?? ''),
        altcha: (await humanCheck) ?? undefined,
      };
      try {
        const response = await fetch(ALERTS_SUBSCRIBE_API_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
        const answer = (await response.json().catch(() => null)) as { message?: string; code?: string; fieldErrors?: Record<string, string> } | null;
        if (response.ok) return show([answer?.message ?? 'Мы отправили письмо со ссылкой для подтверждения.'], true);
        // A spent or refused solution: solve a fresh challenge for the next try.
        if (answer?.code === 'human-check' || response.status === 400) humanCheck = startHumanCheck();
        const fields = Object.values(answer?.fieldErrors ?? {});
        show(fields.length > 0 ? fields : [answer?.message ?? FAILURE]);
      } catch {
        show([FAILURE]);
      } finally {
        sending = false;
      }
    };
    const listener = (event: Event) => void onSubmit(event as SubmitEvent);
    form.addEventListener('submit', listener);
    return () => form.removeEventListener('submit', listener);
  }, [formId, statusId]);
  return null;
}
