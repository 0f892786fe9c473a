/**
 * «Версия для слабовидящих» without JavaScript: a small form on every page posts here, the answer sets a
 * cookie and sends the visitor back, and the static file server marks every page it serves with the
 * `low-vision` class while the cookie is set (the stylesheet does the rest). The choice persists across pages
 * and visits; content pages still ship no script.
 */

/** Cookie holding the visitor's choice; it carries no personal data. */
export const DISPLAY_MODE_COOKIE = 'display-mode';
export const LOW_VISION = 'low-vision';
/** Where the site's toggle form posts. */
export const DISPLAY_MODE_PATH = '/api/display-mode';

/** True when the request's cookies ask for the low-vision version. */
export function wantsLowVision(request: Request): boolean {
  const cookies = request.headers.get('cookie') ?? '';
  return cookies.split(';').some((part) => part.trim() === `${DISPLAY_MODE_COOKIE}=${LOW_VISION}`);
}

/** Adds the `low-vision` class to the page's <html> element (the first one only). */
export function markLowVision(html: string): string {
  return html.replace(/<html(\s[^>]*)?>/i, (tag, attributes: string | undefined) => {
    const attrs = attributes ?? '';
    if (/\sclass="/i.test(attrs)) return tag.replace(/\sclass="/i, ` class="${LOW_VISION} `);
    return `<html${attrs} class="${LOW_VISION}">`;
  });
}

/** A same-site path to go back to, or `/` for anything else (no open redirects). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\r\n]/.test(value)) return '/';
  return value;
}

/**
 * Handles the toggle form: `mode=low-vision` sets the cookie for a year, anything else clears it; then 303 back
 * to the page the visitor came from.
 */
export async function handleDisplayMode(request: Request, overTls: boolean): Promise<Response> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await request.text());
  } catch {
    form = new URLSearchParams();
  }
  const on = form.get('mode') === LOW_VISION;
  const attributes = `Path=/; SameSite=Lax; HttpOnly${overTls ? '; Secure' : ''}`;
  const cookie = on ? `${DISPLAY_MODE_COOKIE}=${LOW_VISION}; Max-Age=31536000; ${attributes}` : `${DISPLAY_MODE_COOKIE}=; Max-Age=0; ${attributes}`;
  return new Response(null, {
    status: 303,
    headers: { Location: safeReturnPath(form.get('back')), 'Set-Cookie': cookie, 'Cache-Control': 'no-store' },
  });
}
