/**
 * The settings of «Версия для слабовидящих», shared by the site (the settings panel and its stylesheet) and the
 * public server (the cookie and the classes it puts on <html>): public-server/src/display-mode.ts.
 */

/** Every setting with its allowed values. The site's CSS keys on `lv-<setting>-<value>` (site/src/styles/site.css). */
export const DISPLAY_SETTINGS = {
  /** Text size, from large to largest. */
  font: ['1', '2', '3'],
  /** Colour scheme: black on white, white on black, dark blue on light blue. */
  colors: ['black', 'white', 'blue'],
  /** Images shown or hidden. */
  images: ['on', 'off'],
  /** Letter and word spacing: normal or wider. */
  spacing: ['normal', 'wide'],
} as const;

export type DisplaySettingKey = keyof typeof DISPLAY_SETTINGS;
export type DisplaySettings = { [K in DisplaySettingKey]: (typeof DISPLAY_SETTINGS)[K][number] };

/** The settings a visitor gets on switching the low-vision version on. */
export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = { font: '2', colors: 'black', images: 'on', spacing: 'normal' };

/** The settings in their fixed order (cookie value, classes, the panel). */
export const DISPLAY_SETTING_KEYS = Object.keys(DISPLAY_SETTINGS) as DisplaySettingKey[];

/** The id of the settings panel; the public server sends the visitor back to it after a change. */
export const DISPLAY_SETTINGS_PANEL_ID = 'display-settings-panel';
