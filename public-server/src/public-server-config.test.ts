import { describe, expect, it } from 'vitest';
import { readPublicServerConfig } from './public-server-config';

describe('the public server environment', () => {
  it('defaults to the embedded stack: port 3000 on loopback, the CMS on 3001, rate limit on, 60 statistics events an hour', () => {
    expect(readPublicServerConfig({})).toEqual({ port: 3000, host: '127.0.0.1', siteCurrent: 'var/site/current', cmsOrigin: 'http://127.0.0.1:3001', rateLimit: true, searchEventsPerHour: 60, trustProxy: false });
  });

  it('takes another hourly budget of search statistics, and refuses one that is not a positive number', () => {
    expect(readPublicServerConfig({ SEARCH_EVENTS_PER_HOUR: '500' }).searchEventsPerHour).toBe(500);
    expect(() => readPublicServerConfig({ SEARCH_EVENTS_PER_HOUR: '0' })).toThrow(/SEARCH_EVENTS_PER_HOUR/);
    expect(() => readPublicServerConfig({ SEARCH_EVENTS_PER_HOUR: 'много' })).toThrow(/SEARCH_EVENTS_PER_HOUR/);
  });

  it('takes the stack’s settings', () => {
    expect(readPublicServerConfig({ PUBLIC_PORT: '4321', SITE_CURRENT: '/srv/site/current', CMS_ORIGIN: 'http://127.0.0.1:4322', FORM_RATE_LIMIT: 'off' })).toMatchObject({
      port: 4321,
      siteCurrent: '/srv/site/current',
      cmsOrigin: 'http://127.0.0.1:4322',
      rateLimit: false,
    });
  });

  it('refuses a port that is not a number, naming the variable', () => {
    expect(() => readPublicServerConfig({ PUBLIC_PORT: 'abc' })).toThrow('PUBLIC_PORT: expected a port number 1–65535, got "abc"');
  });

  it('refuses a CMS_ORIGIN that is not an http(s) origin', () => {
    expect(() => readPublicServerConfig({ CMS_ORIGIN: 'localhost:3001' })).toThrow('CMS_ORIGIN: expected an http(s) origin such as http://127.0.0.1:3001, got "localhost:3001"');
    expect(() => readPublicServerConfig({ CMS_ORIGIN: 'file:///etc/passwd' })).toThrow(/CMS_ORIGIN: expected an http\(s\) origin/);
  });

  it('refuses an unknown FORM_RATE_LIMIT instead of silently keeping the limit on', () => {
    expect(() => readPublicServerConfig({ FORM_RATE_LIMIT: 'no' })).toThrow('FORM_RATE_LIMIT: expected on or off, got "no"');
  });

  it('trusts X-Forwarded-For only when PUBLIC_TRUST_PROXY=on (behind nginx), and refuses anything else', () => {
    expect(readPublicServerConfig({ PUBLIC_TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(() => readPublicServerConfig({ PUBLIC_TRUST_PROXY: 'yes' })).toThrow('PUBLIC_TRUST_PROXY: expected on or off, got "yes"');
  });
});
