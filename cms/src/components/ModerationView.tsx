import type { AdminViewServerProps } from 'payload';
import { DefaultTemplate } from '@payloadcms/next/templates';
import { Gutter } from '@payloadcms/ui';
import type { ModerationFinding } from '@portal/core/moderation';
import { canModerate } from '../access/roles';
import { loadCompany } from '../appeals/settings/settings';
import { moderationQueue } from '../moderation/queue';
import { formatStaffDateTime } from './staff-dates';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The text with the guard's findings marked (`<mark>`), so the moderator sees at once what to edit out. */
function Highlighted({ text, findings }: { text: string; findings: ModerationFinding[] }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (const finding of findings) {
    const at = rest.indexOf(finding.text);
    if (at < 0) continue;
    parts.push(rest.slice(0, at));
    parts.push(
      <mark key={key++} title={finding.label}>
        {finding.text}
      </mark>,
    );
    rest = rest.slice(at + finding.text.length);
  }
  parts.push(rest);
  return <p style={{ whiteSpace: 'pre-wrap', maxWidth: '70ch' }}>{parts}</p>;
}

/**
 * «Модерация» (/admin/moderation): one queue across the moderated collections (cms/src/moderation/registry.ts),
 * oldest first. Each post shows the personal-data guard's findings and three plain forms: approve, edit out personal
 * data (the new text and a note of what was removed), reject with a reason (e-mailed to the author). Plain POST forms
 * to /api/moderation/action: works without scripts; moderators and administrators only.
 */
export async function ModerationView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult;
  const { payload, user } = req;
  const roles = ((user as { roles?: string[] } | null)?.roles ?? []) as string[];
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={req.i18n} locale={locale} params={params} payload={payload} permissions={permissions} req={req} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <Gutter>
        <h1>Модерация</h1>
        {children}
      </Gutter>
    </DefaultTemplate>
  );
  if (!user) return template(<p>Пожалуйста, <a href="/admin/login">войдите</a>, чтобы открыть очередь модерации.</p>);
  if (!canModerate(roles)) return template(<p>Очередь модерации доступна модераторам и администраторам.</p>);

  const { timeZone } = await loadCompany(payload);
  const items = await moderationQueue(payload);
  const done = first(searchParams?.done);
  const error = first(searchParams?.error);
  return template(
    <>
      {done ? <p role="status" className="portal-moderation__done">{done}</p> : null}
      {error ? <p role="alert" className="portal-moderation__error">{error}</p> : null}
      <p>
        Отзывы и сообщения форума, авторы которых подтвердили адрес. Сначала самые старые. Найденные персональные данные выделены: уберите их
        («Убрать персональные данные») или отклоните текст с причиной — её получит автор.
      </p>
      <h2>В очереди: {items.length}</h2>
      {items.length === 0 ? <p>Очередь пуста.</p> : null}
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {items.map((item) => {
          const key = `${item.slug}-${String(item.id)}`;
          const heading = `${item.label} от ${item.authorName}`;
          return (
            <li key={key} style={{ borderTop: '1px solid var(--theme-elevation-150)', paddingBlock: '1rem' }}>
              <article aria-labelledby={`${key}-title`}>
                <h3 id={`${key}-title`}>{heading}</h3>
                <p>
                  {item.context} · в очереди с {formatStaffDateTime(item.queuedAt, timeZone)}
                </p>
                <Highlighted text={item.text} findings={item.findings} />
                {item.findings.length > 0 ? (
                  <div role="note" aria-label="Найдены персональные данные">
                    <strong>Найдены персональные данные:</strong>
                    <ul>
                      {item.findings.map((finding, index) => (
                        <li key={index}>
                          {finding.label}: «{finding.text}»
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p>Персональные данные не найдены.</p>
                )}
                <form method="post" action="/api/moderation/action" style={{ display: 'inline-block', marginInlineEnd: '1rem' }}>
                  <input type="hidden" name="slug" value={item.slug} />
                  <input type="hidden" name="id" value={String(item.id)} />
                  <input type="hidden" name="action" value="approve" />
                  <button type="submit" className="btn btn--style-primary btn--size-small" aria-label={`Одобрить: ${heading}`}>
                    Одобрить
                  </button>
                </form>
                <details>
                  <summary>Убрать персональные данные</summary>
                  <form method="post" action="/api/moderation/action">
                    <input type="hidden" name="slug" value={item.slug} />
                    <input type="hidden" name="id" value={String(item.id)} />
                    <input type="hidden" name="action" value="redact" />
                    <label htmlFor={`${key}-text`}>Текст без персональных данных</label>
                    <br />
                    <textarea id={`${key}-text`} name="text" rows={6} cols={70} defaultValue={item.text} required style={{ maxWidth: '100%' }} />
                    <br />
                    <label htmlFor={`${key}-note`}>Что убрано (вид данных, не сами данные)</label>
                    <br />
                    <input id={`${key}-note`} name="note" type="text" maxLength={300} required defaultValue={[...new Set(item.findings.map((finding) => finding.label))].join(', ')} style={{ width: '100%', maxWidth: '40rem' }} />
                    <br />
                    <button type="submit" className="btn btn--style-secondary btn--size-small">
                      Сохранить правку
                    </button>
                  </form>
                </details>
                <details>
                  <summary>Отклонить</summary>
                  <form method="post" action="/api/moderation/action">
                    <input type="hidden" name="slug" value={item.slug} />
                    <input type="hidden" name="id" value={String(item.id)} />
                    <input type="hidden" name="action" value="reject" />
                    <label htmlFor={`${key}-reason`}>Причина отказа (её получит автор)</label>
                    <br />
                    <textarea id={`${key}-reason`} name="reason" rows={3} cols={70} maxLength={1000} required style={{ maxWidth: '100%' }} />
                    <br />
                    <button type="submit" className="btn btn--style-secondary btn--size-small">
                      Отклонить и отправить причину
                    </button>
                  </form>
                </details>
              </article>
            </li>
          );
        })}
      </ol>
    </>,
  );
}
