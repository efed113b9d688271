/**
 * The Content-Security-Policy of the app, identical in the desktop build (app:// protocol) and
 * in browser mode (web host). No inline scripts or styles, no eval, no remote origins; React and
 * Slate set styles through CSSOM, which CSP allows. Workers only from the app itself; no blob:
 * or data: workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  // Recordings play from the app's own origin (media/<sha-256>, served with byte ranges), never blob:.
  "media-src 'self'",
  "connect-src 'self'",
  // The spelling worker (renderer/src/spelling/worker.ts) is a script of the app's own origin;
  // said outright so it does not depend on the fallback to script-src.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of either host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
