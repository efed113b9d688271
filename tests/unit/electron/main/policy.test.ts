import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_WEBSITE, externalUrlToOpen, isAppUrl, isNavigationAllowed, isPermissionAllowed, isTrustedSender } from '../../../../electron/main/policy';

describe('desktop shell policy', () => {
  it('recognises only the app origin as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle/index.html#/doc/1')).toBe(true);
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://bundle/', 'http://127.0.0.1/', 'app://user:pw@bundle/', 'javascript:alert(1)', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('allows navigation only to the app, and only in the top frame', () => {
    expect(isNavigationAllowed('app://bundle/index.html#/doc/1', true)).toBe(true);
    expect(isNavigationAllowed('app://bundle/index.html', false)).toBe(false);
    for (const url of ['https://vnanet.vn/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(isNavigationAllowed(url, true), url).toBe(false);
    }
  });

  it('trusts IPC only from the app top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens externally only https links to the app’s own website', () => {
    expect(externalUrlToOpen('https://example.invalid/interview-desk')).toBe('https://example.invalid/interview-desk');
    expect(externalUrlToOpen('https://example.invalid/interview-desk/help?topic=export#nitf')).toBe('https://example.invalid/interview-desk/help?topic=export#nitf');
    const refused = ['http://example.invalid/interview-desk', 'https://example.invalid/interview-desk-evil', 'https://example.invalid/other', 'https://example.invalid.evil.com/interview-desk', 'https://vnanet.vn/a?b=1', 'http://example.com'];
    for (const url of [...refused, 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://user:pw@example.invalid/interview-desk', 'app://bundle/', 'ms-msdt:/id', 'garbage']) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('knows the app’s website as package.json names it', () => {
    expect(APP_WEBSITE).toBe((JSON.parse(readFileSync(join(import.meta.dirname, '../../../../package.json'), 'utf8')) as { homepage: string }).homepage);
  });

  it('denies permissions by default', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isPermissionAllowed(p, APP_ENTRY_URL)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
  });
});
