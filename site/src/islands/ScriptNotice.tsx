import { mailtoHref, telHref } from '../lib/urls';

/** Where the client can turn when the form cannot work. */
export interface ScriptNoticeProps {
  /** Id of the notice, so the form can point at it while disabled. */
  id: string;
  hotline: string;
  /** The company's appeals address: letters to it are registered as appeals. Absent where a letter would not help. */
  email?: string | undefined;
  /** Subject of the prepared letter, e.g. «Вопрос». */
  mailSubject?: string;
  /** A template for the letter's text (e.g. the facts a reading needs). */
  mailBody?: string;
  /** What the client came to do, in the instrumental case after «без формы»: e.g. «задать вопрос». */
  task: string;
}

/**
 * What a form island renders until its script has started: the server-rendered HTML of the island carries it, and
 * React drops it once the island runs. Without it a visitor whose JavaScript is off, blocked (by an extension or a
 * policy) or failed to load would find a greyed-out form and no word why. `<noscript>` would not do: it says
 * nothing when JavaScript is on but the script never ran. The stylesheet reveals it after a moment, so a normal
 * visit does not flash it, and lays it over the disabled form, so its removal moves nothing.
 */
export function ScriptNotice({ id, hotline, email, mailSubject = 'Обращение с сайта', mailBody, task }: ScriptNoticeProps) {
  return (
    <div className="script-notice" id={id}>
      <h2 className="script-notice__title">Форма работает только с JavaScript</h2>
      <p>
        Если форма ниже так и не стала доступной, значит, JavaScript в браузере отключён, заблокирован или не загрузился.
        Попробуйте обновить страницу. А {task} можно и без формы:
      </p>
      <ul>
        <li>
          по телефону горячей линии <a href={telHref(hotline)}>{hotline}</a>
          {email ? ';' : '.'}
        </li>
        {email && (
          <li>
            письмом на <a href={mailtoHref(email, mailSubject, mailBody)}>{email}</a> — оно будет зарегистрировано как
            обращение, номер придёт в ответном письме.
          </li>
        )}
      </ul>
    </div>
  );
}
