/**
 * «Версия для слабовидящих» without JavaScript: the settings on every page are plain forms that post here; the
 * answer stores the choice in a cookie and sends the visitor back, and the static file server marks every page
 * it serves with classes for the chosen settings (the stylesheet does the rest). The choice persists across
 * pages and visits; content pages still ship no script.
 *
 * The cookie holds only the settings (no personal data): `low-vision` followed by one `.key-value` per setting in
 * a fixed order, e.g. `low-vision.font-3.colors-white.images-off.spacing-wide`. A bare `low-vision` (what the
 * first version of the site set) means every setting at its default.
 */

import {
  DEFAULT_DISPLAY_SETTINGS,
  DISPLAY_SETTINGS,
  DISPLAY_SETTINGS_PANEL_ID,
  DISPLAY_SETTING_KEYS,
  type DisplaySettingKey,
  type DisplaySettings,
} from '@portal/core/display-settings';

export type { DisplaySettings } from '@portal/core/display-settings';

/** Cookie holding the visitor's choice. */
export const DISPLAY_MODE_COOKIE = 'display-mode';
/** Class on <html> for every low-vision page, and the first word of the cookie. */
export const LOW_VISION = 'low-vision';
/** Where the site's settings forms post. */
export const DISPLAY_MODE_PATH = '/api/display-mode';
/**
 * Where the settings panel sits on the page (site/src/components/DisplaySettings.astro): going back to it keeps
 * the panel in view, and browsers that reveal a fragment inside a closed <details> open the panel again.
 */
export const DISPLAY_SETTINGS_ANCHOR = `#${DISPLAY_SETTINGS_PANEL_ID}`;

const KEYS = DISPLAY_SETTING_KEYS;

/** Longer values are never ours: the whole cookie is ignored rather than parsed. */
const MAX_COOKIE_VALUE = 100;

function isValue<K extends DisplaySettingKey>(key: K, value: string): value is DisplaySettings[K] {
  return (DISPLAY_SETTINGS[key] as readonly string[]).includes(value);
}

/**
 * Reads the settings from a cookie value, or null for the normal version. The value must start with
 * `low-vision` and contain only lower-case letters, digits, dots and dashes; a part naming an unknown setting or
 * value is ignored (that setting keeps its default), so a stale or forged cookie can never reach the page.
 */
export function parseDisplaySettings(value: string | undefined): DisplaySettings | null {
  if (value === undefined || value.length > MAX_COOKIE_VALUE || !/^[a-z0-9.-]+$/.test(value)) return null;
  const [first, ...parts] = value.split('.');
  if (first !== LOW_VISION) return null;
  const settings = { ...DEFAULT_DISPLAY_SETTINGS };
  for (const part of parts) {
    const dash = part.indexOf('-');
    const key = part.slice(0, dash);
    const setting = part.slice(dash + 1);
    if (dash > 0 && (KEYS as string[]).includes(key) && isValue(key as DisplaySettingKey, setting)) {
      (settings as Record<DisplaySettingKey, string>)[key as DisplaySettingKey] = setting;
    }
  }
  return settings;
}

/** The cookie value for the settings, always every setting in one order. */
export function formatDisplaySettings(settings: DisplaySettings): string {
  return [LOW_VISION, ...KEYS.map((key) => `${key}-${settings[key]}`)].join('.');
}

/** The value of the display-mode cookie in a request, if any (the first one when a client sends several). */
function cookieValue(request: Request): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === DISPLAY_MODE_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The low-vision settings the request's cookie asks for, or null for the normal version. */
export function displaySettingsOf(request: Request): DisplaySettings | null {
  return parseDisplaySettings(cookieValue(request));
}

/** The classes for <html>: `low-vision lv-font-2 lv-colors-black lv-images-on lv-spacing-normal`. */
export function displayClasses(settings: DisplaySettings): string {
  return [LOW_VISION, ...KEYS.map((key) => `lv-${key}-${settings[key]}`)].join(' ');
}

/**
 * A short tag for the settings, the position of each value in its list (`lv1000`), for the page's ETag: every
 * combination gets its own, so a page cached in one version is never revalidated as another.
 */
export function displaySettingsTag(settings: DisplaySettings): string {
  return `lv${KEYS.map((key) => (DISPLAY_SETTINGS[key] as readonly string[]).indexOf(settings[key])).join('')}`;
}

/** Adds the settings' classes to the page's <html> element (the first one only). */
export function markDisplaySettings(html: string, settings: DisplaySettings): string {
  const classes = displayClasses(settings);
  return html.replace(/<html(\s[^>]*)?>/i, (tag, attributes: string | undefined) => {
    const attrs = attributes ?? '';
    if (/\sclass="/i.test(attrs)) return tag.replace(/\sclass="/i, ` class="${classes} `);
    return `<html${attrs} class="${classes}">`;
  });
}

/** A same-site path to go back to, or `/` for anything else (no open redirects). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\r\n]/.test(value)) return '/';
  return value;
}

/**
 * What a posted settings form changes, applied to the current settings (null: normal version). `mode=normal`
 * switches the low-vision version off, `mode=low-vision` on; a field named after a setting with an allowed value
 * changes that setting (and switches the version on). Anything else is ignored.
 */
export function applyDisplayForm(current: DisplaySettings | null, form: URLSearchParams): DisplaySettings | null {
  const mode = form.get('mode');
  if (mode === 'normal') return null;
  let next = current;
  if (mode === LOW_VISION) next = current ?? { ...DEFAULT_DISPLAY_SETTINGS };
  for (const key of KEYS) {
    const value = form.get(key);
    if (value !== null && isValue(key, value)) next = { ...(next ?? DEFAULT_DISPLAY_SETTINGS), [key]: value };
  }
  return next;
}

/**
 * Handles the settings forms: sets the cookie for a year with the new settings (or clears it for the normal
 * version), then 303 back to the page the visitor came from — to the settings panel while the low-vision version
 * is on, so the next setting is at hand.
 */
export async function handleDisplayMode(request: Request, overTls: boolean): Promise<Response> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await request.text());
  } catch {
    form = new URLSearchParams();
  }
  const settings = applyDisplayForm(displaySettingsOf(request), form);
  const attributes = `Path=/; SameSite=Lax; HttpOnly${overTls ? '; Secure' : ''}`;
  const cookie = settings
    ? `${DISPLAY_MODE_COOKIE}=${formatDisplaySettings(settings)}; Max-Age=31536000; ${attributes}`
    : `${DISPLAY_MODE_COOKIE}=; Max-Age=0; ${attributes}`;
  const back = safeReturnPath(form.get('back'));
  const location = settings ? `${back.replace(/#.*$/, '')}${DISPLAY_SETTINGS_ANCHOR}` : back;
  return new Response(null, {
    status: 303,
    headers: { Location: location, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' },
  });
}
