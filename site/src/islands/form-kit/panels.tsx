import { useEffect, useRef, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { ErrorSummaryItem } from '../../lib/form-fields';
import { appealStatusPath, FAQ_PATH, HOME_PATH, telHref } from '../../lib/urls';
import type { Registered } from './use-appeal-form';

/** The boxes above or instead of a form: the error summary, and the panels for success, refusal and failure. */

/** The list of problems at the top of the form; takes focus and links to each field. */
export function ErrorSummary({ items, summaryRef, idPrefix }: { items: ErrorSummaryItem[]; summaryRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  const focusField = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    // Bring the label or legend into view too, not just the input (as GOV.UK Frontend does).
    (target.closest('fieldset, .field') ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby={`${idPrefix}-error-summary-title`}>
      <h2 id={`${idPrefix}-error-summary-title`}>Пожалуйста, исправьте ошибки в форме</h2>
      <ul>
        {items.map((item) => (
          <li key={item.field}>
            <a href={item.href} onClick={(event) => focusField(event, item.href)}>
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sending failed (server down, network): what happened and the hotline. */
export function FailureBanner({ message, hotline, bannerRef, idPrefix }: { message: string; hotline: string; bannerRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  return (
    <div className="notice-banner" role="alert" tabIndex={-1} ref={bannerRef} aria-labelledby={`${idPrefix}-failure-title`}>
      <h2 id={`${idPrefix}-failure-title`}>Не удалось отправить обращение</h2>
      <p>{message}</p>
      <p>
        Если ошибка повторится, позвоните, пожалуйста, на горячую линию <a href={telHref(hotline)}>{hotline}</a>.
      </p>
    </div>
  );
}

/** A panel that takes focus when it appears (success and refusal). */
function FocusedPanel({ className, title, idPrefix, kind, children }: { className: string; title: string; idPrefix: string; kind: string; children: ReactNode }) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <div className={className} role="status" tabIndex={-1} ref={panelRef} aria-labelledby={`${idPrefix}-${kind}-title`}>
      <h2 id={`${idPrefix}-${kind}-title`}>{title}</h2>
      {children}
    </div>
  );
}

/** The appeal is registered: its number and deadline. */
export function SuccessPanel({ outcome, title, idPrefix, children }: { outcome: Registered; title: string; idPrefix: string; children?: ReactNode }) {
  return (
    <FocusedPanel className="success-panel" title={title} idPrefix={idPrefix} kind="success">
      {outcome.registrationNumber ? (
        <>
          <p>
            Номер обращения: <span className="registration-number">{outcome.registrationNumber}</span>
          </p>
          {outcome.deadlineText && <p>Мы ответим не позднее {outcome.deadlineText.replace(/\.$/, '')}.</p>}
          <p>Если вы указали электронную почту, на неё придёт подтверждение с номером и сроком ответа.</p>
        </>
      ) : (
        <p>{outcome.message || 'Номер обращения и срок ответа мы сообщим в письме-подтверждении.'}</p>
      )}
      {children}
      <p>Пожалуйста, сохраните номер обращения: по нему можно узнать, как идёт рассмотрение, и быстро найти обращение, если вы позвоните нам.</p>
      <p>
        <a href={appealStatusPath(outcome.registrationNumber || undefined)}>Узнать состояние обращения</a> · <a href={HOME_PATH}>Вернуться на главную</a> ·{' '}
        <a href={FAQ_PATH}>Вопросы и ответы</a>
      </p>
    </FocusedPanel>
  );
}

/**
 * The form is fine but cannot be accepted now (e.g. readings outside the accepted days): the server's explanation,
 * calmly, above the form — which keeps everything typed, so nothing has to be typed again later.
 */
export function RefusalBanner({ message, title, bannerRef, idPrefix }: { message: string; title: string; bannerRef: RefObject<HTMLDivElement | null>; idPrefix: string }) {
  return (
    <div className="notice-banner" role="alert" tabIndex={-1} ref={bannerRef} aria-labelledby={`${idPrefix}-refusal-title`}>
      <h2 id={`${idPrefix}-refusal-title`}>{title}</h2>
      <p>{message}</p>
      <p>Всё, что вы ввели, сохранено в форме ниже.</p>
    </div>
  );
}
