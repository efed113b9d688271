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

/**
 * The app's own website, package.json's "homepage" (a unit test keeps the two equal): the only
 * place a link may lead out of the app. The page shows user text, pasted HTML and imported files,
 * so a link could say anything; none of those is a link the app made.
 */
export const APP_WEBSITE = 'https://example.invalid/interview-desk';

/**
 * Links may leave the app only to the system browser, only over https, only to pages of the app's
 * website (APP_WEBSITE and below), without credentials. Everything else (http:, file:, javascript:,
 * another site, a look-alike path) opens nothing.
 */
export function externalUrlToOpen(url: string): string | null {
  const u = parse(url);
  const site = new URL(APP_WEBSITE);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.host !== site.host) return null;
  if (u.pathname !== site.pathname && !u.pathname.startsWith(`${site.pathname}/`)) return null;
  return u.href;
}

/** Permission requests (camera, notifications, …) are denied except this short list. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
