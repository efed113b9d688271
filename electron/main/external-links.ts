/**
 * The one place the app hands a URL to the operating system. `shell.openExternal` runs whatever
 * the OS associates with a scheme (`file:`, `smb:`, `ms-msdt:` have all been exploited), so every
 * caller goes through this wrapper, which lets through https links to the app's own website only
 * (policy.ts, `externalUrlToOpen`).
 * ESLint forbids calling openExternal anywhere else (eslint.config.js).
 */
import { shell } from 'electron';
import { externalUrlToOpen } from './policy';

/** Open a link the app made in the system browser; returns false (and opens nothing) for anything else. */
export function openExternalLink(url: string): boolean {
  const safe = externalUrlToOpen(url);
  if (safe === null) return false;
  void shell.openExternal(safe);
  return true;
}
