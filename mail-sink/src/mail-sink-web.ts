import { Hono } from 'hono';
import { escapeHtml } from '@portal/core/escape-html';
import type { MailStore, StoredMail } from './mail-store';

/**
 * The dev mailbox's page policy: nothing loads from anywhere, letters' inline styles may apply, and the
 * HTML part (in a sandboxed srcdoc iframe, which inherits this policy) cannot fetch remote images or run scripts.
 */
const VIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const PAGE_STYLE = `
body{font-family:system-ui,Arial,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;color:#1a1a1a;line-height:1.4}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f3f3f3}a{color:#0b5cad}a:focus{outline:3px solid #f90}pre{white-space:pre-wrap;background:#f7f7f7;padding:1rem;border:1px solid #ddd}
iframe{width:100%;height:32rem;border:1px solid #ddd;background:#fff}.muted{color:#555}`;

const dateTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** Receipt time as shown in the mailbox: Moscow time, like everything else in the product. */
function formatTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} (мск)`;
}

/** The list page: newest first, one row per letter. */
export function renderMailboxPage(messages: StoredMail[]): string {
  const rows = messages
    .map(
      (message) =>
        `<tr><td><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(formatTime(message.receivedAt))}</time></td>` +
        `<td>${escapeHtml(recipients(message))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(без темы)')}</a></td></tr>`,
    )
    .join('\n');
  const body =
    messages.length === 0
      ? '<p>Писем пока нет. Всё, что отправит портал, появится здесь.</p>'
      : `<table><caption class="muted">Писем: ${messages.length}. Сначала новые.</caption>\n<thead><tr><th scope="col">Получено</th><th scope="col">Кому</th><th scope="col">Тема</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
  return page('Почтовый ящик для разработки', `<h1>Почтовый ящик для разработки</h1>\n<p class="muted">Письма, которые портал отправил через локальный SMTP-сервер. Наружу они не уходят.</p>\n${body}`);
}

/** One letter: headers, text, the HTML part in a sandboxed frame, attachments. */
export function renderMessagePage(message: StoredMail): string {
  const headerRows: Array<[string, string]> = [
    ['Получено', formatTime(message.receivedAt)],
    ['От', message.from],
    ['Кому', message.to.join(', ')],
    ['Получатели (SMTP)', message.envelopeTo.join(', ')],
    ['Тема', message.subject],
    ['Message-ID', message.messageId ?? '—'],
  ];
  const headers = headerRows
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const attachments =
    message.attachments.length === 0
      ? ''
      : `<h2>Вложения</h2>\n<ul>${message.attachments
          .map(
            (attachment) =>
              `<li>${escapeHtml(attachment.filename ?? '(без имени)')} — ${escapeHtml(attachment.contentType)}, ${attachment.size} байт</li>`,
          )
          .join('')}</ul>`;
  const html =
    message.html === null
      ? '<p>HTML-версии в письме нет.</p>'
      : `<iframe sandbox="" srcdoc="${escapeHtml(message.html)}" title="HTML-версия письма"></iframe>`;
  return page(
    message.subject || 'Письмо без темы',
    [
      '<p><a href="/">← Все письма</a></p>',
      `<h1>${escapeHtml(message.subject || '(без темы)')}</h1>`,
      `<table>${headers}</table>`,
      '<h2>Текст письма</h2>',
      message.text === '' ? '<p>Текстовой версии в письме нет.</p>' : `<pre>${escapeHtml(message.text)}</pre>`,
      '<h2>HTML-версия</h2>',
      html,
      attachments,
      `<p><a href="/messages/${encodeURIComponent(message.id)}/raw">Исходный текст письма (.eml)</a></p>`,
    ].join('\n'),
  );
}

function page(title: string, content: string): string {
  return `<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n${content}\n</main>\n</body>\n</html>\n`;
}

function recipients(message: StoredMail): string {
  return (message.to.length > 0 ? message.to : message.envelopeTo).join(', ');
}

/**
 * The read-only web view of the dev mailbox: `/` (list), `/messages/<id>` (one letter),
 * `/messages/<id>/raw`, and `/api/messages[?to=<address>]`, `/api/messages/<id>` as JSON for tests.
 */
export function createMailSinkWebApp(store: MailStore): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', VIEW_CSP);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/', async (c) => c.html(renderMailboxPage(await store.list())));

  app.get('/messages/:id', async (c) => {
    const message = await store.get(c.req.param('id'));
    return message === null ? notFoundPage() : c.html(renderMessagePage(message));
  });

  app.get('/messages/:id/raw', async (c) => {
    const raw = await store.raw(c.req.param('id'));
    if (raw === null) return notFoundPage();
    return new Response(new Uint8Array(raw), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });

  app.get('/api/messages', async (c) => c.json(await store.list({ to: c.req.query('to') })));

  app.get('/api/messages/:id', async (c) => {
    const message = await store.get(c.req.param('id'));
    return message === null ? c.json({ message: 'Письмо не найдено.' }, 404) : c.json(message);
  });

  app.notFound(() => notFoundPage());
  app.onError((error) => {
    console.error('[mail-sink] web view error', error.name);
    return new Response('Ошибка просмотра почты.', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });
  return app;
}

function notFoundPage(): Response {
  return new Response(page('Не найдено', '<h1>Не найдено</h1>\n<p><a href="/">Вернуться к списку писем</a></p>'), {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}
