import { describe, expect, it } from 'vitest';
import { handleDisplayMode, markLowVision, safeReturnPath, wantsLowVision } from './display-mode';

const post = (body: string) => new Request('http://localhost/api/display-mode', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('display mode', () => {
  it('sets the cookie and goes back to the page', async () => {
    const response = await handleDisplayMode(post('mode=low-vision&back=%2Ffizlicam%2Ftarify%2F'), false);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/fizlicam/tarify/');
    expect(response.headers.get('set-cookie')).toMatch(/^display-mode=low-vision; Max-Age=31536000; Path=\/; SameSite=Lax; HttpOnly$/);
  });

  it('clears the cookie for the normal version and never redirects off the site', async () => {
    const response = await handleDisplayMode(post('mode=normal&back=//evil.example/'), true);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('set-cookie')).toMatch(/^display-mode=; Max-Age=0; .*; Secure$/);
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil')).toBe('/');
  });

  it('reads the cookie and marks the page', () => {
    expect(wantsLowVision(new Request('http://x/', { headers: { cookie: 'a=b; display-mode=low-vision' } }))).toBe(true);
    expect(wantsLowVision(new Request('http://x/'))).toBe(false);
    expect(markLowVision('<!doctype html><html lang="ru"><head>')).toBe('<!doctype html><html lang="ru" class="low-vision"><head>');
    expect(markLowVision('<html lang="ru" class="x">')).toBe('<html lang="ru" class="low-vision x">');
  });
});
