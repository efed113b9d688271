/**
 * The desktop menus and the shell's own dialogs speak the app's language: the main process cannot
 * read the UI language setting, so the renderer tells it, once at start and on every change (a
 * choice in Settings, a failed save put back, the system's language when the app follows it).
 * No-op in browser mode, where the browser's menus are the browser's.
 */
import type { DesktopBridge } from '../../../shared/desktop-bridge';
import type { Language } from '../../../shared/model/schema';

/** What of the UI language setting this reads (i18n/ui-language-setting.ts). */
export interface UiLanguageSource {
  language(): Language;
  onLanguage(listener: (language: Language) => void): () => void;
}

/** Report `source`'s language now and whenever it changes; returns the unsubscribe. */
export function reportUiLanguage(source: UiLanguageSource, bridge: Pick<DesktopBridge, 'reportUiLanguage'> | null): () => void {
  if (!bridge) return () => undefined;
  bridge.reportUiLanguage(source.language());
  return source.onLanguage((language) => bridge.reportUiLanguage(language));
}
