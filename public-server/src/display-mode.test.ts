import { describe, expect, it } from 'vitest';
import {
  applyDisplayForm,
  displaySettingsOf,
  displaySettingsTag,
  handleDisplayMode,
  markDisplaySettings,
  parseDisplaySettings,
  safeReturnPath,
  type DisplaySettings,
} from './display-mode';

const post = (body: string, cookie?: string) =>
  new Request('http://localhost/api/display-mode', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
  });
const withCookie = (cookie: string) => new Request('http://x/', { headers: { cookie } });
const DEFAULTS: DisplaySettings = { font: '2', colors: 'black', images: 'on', spacing: 'normal' };

describe('display mode: the settings form', () => {
  it('switches the low-vision version on with the default settings and goes back to the settings panel of the page', async () => {
    const response = await handleDisplayMode(post('mode=low-vision&back=%2Ffizlicam%2Ftarify%2F'), false);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/fizlicam/tarify/#display-settings-panel');
    expect(response.headers.get('set-cookie')).toBe(
      'display-mode=low-vision.font-2.colors-black.images-on.spacing-normal; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly',
    );
  });

  it('changes one setting and keeps the others from the cookie', async () => {
    const response = await handleDisplayMode(
      post('colors=white&back=%2Fvopros%2F', 'display-mode=low-vision.font-3.colors-black.images-off.spacing-wide'),
      true,
    );
    expect(response.headers.get('location')).toBe('/vopros/#display-settings-panel');
    expect(response.headers.get('set-cookie')).toBe(
      'display-mode=low-vision.font-3.colors-white.images-off.spacing-wide; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly; Secure',
    );
  });

  it('clears the cookie for the normal version and never redirects off the site', async () => {
    const response = await handleDisplayMode(post('mode=normal&back=//evil.example/', 'display-mode=low-vision'), true);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toBe('display-mode=; Max-Age=0; Path=/; SameSite=Lax; HttpOnly; Secure');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil')).toBe('/');
    expect(safeReturnPath('/a/\r\nSet-Cookie: x')).toBe('/');
  });

  it('ignores unknown fields and values: the current settings stay as they are', () => {
    const current: DisplaySettings = { font: '1', colors: 'blue', images: 'on', spacing: 'wide' };
    const form = new URLSearchParams('font=9&colors=red&images=maybe&spacing=&mode=huge&other=1');
    expect(applyDisplayForm(current, form)).toEqual(current);
    expect(applyDisplayForm(null, form)).toBeNull();
  });

  it('a setting chosen in the normal version switches the low-vision version on with it', () => {
    expect(applyDisplayForm(null, new URLSearchParams('font=3'))).toEqual({ ...DEFAULTS, font: '3' });
    expect(applyDisplayForm(null, new URLSearchParams('mode=normal&font=3'))).toBeNull();
  });
});

describe('display mode: the cookie', () => {
  it('reads every setting from the cookie among others', () => {
    expect(displaySettingsOf(withCookie('a=b; display-mode=low-vision.font-3.colors-blue.images-off.spacing-wide; c=d'))).toEqual({
      font: '3',
      colors: 'blue',
      images: 'off',
      spacing: 'wide',
    });
    expect(displaySettingsOf(new Request('http://x/'))).toBeNull();
  });

  it('takes a bare «low-vision» (the cookie of the first version) as the default settings', () => {
    expect(parseDisplaySettings('low-vision')).toEqual(DEFAULTS);
  });

  it('ignores a part with an unknown setting or value and keeps that setting at its default', () => {
    expect(parseDisplaySettings('low-vision.font-7.colors-white.size-3.images.spacing-wide')).toEqual({
      ...DEFAULTS,
      colors: 'white',
      spacing: 'wide',
    });
  });

  it('ignores the whole cookie unless it is ours: another first word, other characters, too long', () => {
    expect(parseDisplaySettings('normal')).toBeNull();
    expect(parseDisplaySettings('')).toBeNull();
    expect(parseDisplaySettings('low-vision.font-3"><script>')).toBeNull();
    expect(parseDisplaySettings('LOW-VISION')).toBeNull();
    expect(parseDisplaySettings(`low-vision${'.font-3'.repeat(20)}`)).toBeNull();
    expect(displaySettingsOf(withCookie('xdisplay-mode=low-vision'))).toBeNull();
  });
});

describe('display mode: marking the page', () => {
  it('adds a class for every setting to <html>, keeping its other attributes and classes', () => {
    const settings: DisplaySettings = { font: '3', colors: 'white', images: 'off', spacing: 'wide' };
    expect(markDisplaySettings('<!doctype html><html lang="ru"><head><html>', settings)).toBe(
      '<!doctype html><html lang="ru" class="low-vision lv-font-3 lv-colors-white lv-images-off lv-spacing-wide"><head><html>',
    );
    expect(markDisplaySettings('<html lang="ru" class="x">', DEFAULTS)).toBe(
      '<html lang="ru" class="low-vision lv-font-2 lv-colors-black lv-images-on lv-spacing-normal x">',
    );
  });

  it('gives every combination of settings its own tag (3 sizes × 3 schemes × 2 × 2 = 36)', () => {
    const tags = new Set<string>();
    for (const font of ['1', '2', '3'] as const)
      for (const colors of ['black', 'white', 'blue'] as const)
        for (const images of ['on', 'off'] as const)
          for (const spacing of ['normal', 'wide'] as const) tags.add(displaySettingsTag({ font, colors, images, spacing }));
    expect(tags.size).toBe(36);
  });
});
