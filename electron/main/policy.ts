/**
 * Security decisions of the desktop shell as pure functions (no 'electron' import), so they are
 * unit-tested on machines without the Electron binary.
 */

/** The renderer is served from this origin through the custom protocol. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app itself (navigation inside the app is allowed, nothing else). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * Navigation stays on the app's pages, in the top frame only: the app has no frames (its CSP
 * forbids them), so a subframe navigating anywhere is refused as well.
 */
export function isNavigationAllowed(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(url);
}

/**
 * An IPC message is trusted only from the app's own top-level frame. The sender frame is null
 * when it navigated away or was destroyed; that is refused too.
 */
export function isTrustedSender(frame: { url: string; isTopFrame: boolean } | null): boolean {
  return frame !== null && frame.isTopFrame && isAppUrl(frame.url);
}

/** Links may leave the app only to the system browser, only for http(s), without credentials. */
export function externalUrlToOpen(url: string): string | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.username !== '' || u.password !== '') return null;
  return u.href;
}

/** Permission requests (camera, notifications, …) are denied except this short list. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
