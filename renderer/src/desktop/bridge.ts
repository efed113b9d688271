/**
 * The desktop build's `window.desktop` (exposed by the preload), or null in browser mode. The
 * renderer uses it only through this folder and renderer/src/platform/, so every caller works in
 * both modes.
 */
import type { DesktopBridge } from '../../../shared/desktop-bridge';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export const desktop: DesktopBridge | null = window.desktop ?? null;

/**
 * Register what to do before the window closes or the app quits (store pending edits). The
 * handler rejects, with a message for the user, when that failed. No-op in browser mode, where
 * pagehide and beforeunload are all a page gets. Returns the unsubscribe.
 */
export function onFlushRequest(handler: () => Promise<void>): () => void {
  return desktop?.onFlushRequest(handler) ?? (() => undefined);
}
