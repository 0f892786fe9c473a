import type { BaseSyntheticEvent, ReactNode, RefObject } from 'react';
import type { ErrorSummaryItem } from '../../lib/form-fields';
import { ScriptNotice } from '../ScriptNotice';
import { ErrorSummary, FailureBanner, RefusalBanner } from './panels';
import type { Refused } from './use-appeal-form';

/** The submit button and the «sending» status for screen readers. */
export function SubmitButton({ sending, label, idPrefix }: { sending: boolean; label: string; idPrefix: string }) {
  return (
    <>
      <button className="button" type="submit" aria-describedby={sending ? `${idPrefix}-sending` : undefined}>
        {sending ? 'Отправляем…' : label}
      </button>
      {sending && (
        <p id={`${idPrefix}-sending`} className="hint" role="status">
          Отправляем, пожалуйста, подождите.
        </p>
      )}
    </>
  );
}

/** The parts of {@link useAppealForm}'s result that the form frame needs. */
export interface FormFrameKit {
  hydrated: boolean;
  summaryItems: ErrorSummaryItem[];
  summaryRef: RefObject<HTMLDivElement | null>;
  failure: string | null;
  refused: Refused | null;
  bannerRef: RefObject<HTMLDivElement | null>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
}

/** Ways to reach the company without the form, for the notice shown until the form's script has started. */
export interface FormAlternatives {
  hotline: string;
  /** The appeals address (letters to it are registered as appeals). */
  email: string;
  /** Subject of the prepared letter, e.g. «Вопрос». */
  mailSubject: string;
  /** A template of the letter's text, when the appeal needs particular facts (meter readings). */
  mailBody?: string;
  /** What the client came to do, e.g. «задать вопрос». */
  task: string;
}

/**
 * What surrounds every form's fields: the error summary, the failure and refusal banners, and the form whose
 * fieldset stays disabled until hydrated (without JavaScript the form cannot be sent, and must not leak data into a
 * URL) — with a notice saying why and offering the hotline and e-mail until then. `disabled` keeps the form closed
 * after hydration too (meter readings on a day they are not accepted).
 */
export function AppealFormFrame({
  kit,
  idPrefix,
  alternatives,
  refusalTitle = 'Сейчас обращение не может быть принято',
  disabled = false,
  className = 'appeal-form',
  children,
}: {
  kit: FormFrameKit;
  idPrefix: string;
  alternatives: FormAlternatives;
  refusalTitle?: string;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const noticeId = `${idPrefix}-script-notice`;
  return (
    <div className={`${className} form-frame`} data-ready={kit.hydrated ? 'true' : undefined}>
      {kit.summaryItems.length > 0 && <ErrorSummary items={kit.summaryItems} summaryRef={kit.summaryRef} idPrefix={idPrefix} />}
      {kit.failure && <FailureBanner message={kit.failure} hotline={alternatives.hotline} bannerRef={kit.bannerRef} idPrefix={idPrefix} />}
      {kit.refused && !kit.failure && <RefusalBanner message={kit.refused.message} title={refusalTitle} bannerRef={kit.bannerRef} idPrefix={idPrefix} />}
      {!kit.hydrated && <ScriptNotice id={noticeId} {...alternatives} />}
      <form noValidate method="post" onSubmit={kit.onSubmit} aria-describedby={kit.hydrated ? undefined : noticeId}>
        <fieldset className="fieldset" disabled={!kit.hydrated || disabled}>
          {children}
        </fieldset>
      </form>
    </div>
  );
}
