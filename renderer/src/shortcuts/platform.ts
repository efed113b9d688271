/** Which keyboard conventions to follow: macOS (⌘, ⌥) or Windows/Linux (Ctrl, Alt). */
import type { KeyPlatform } from '../../../shared/accelerators';

function detect(): KeyPlatform {
  const nav = navigator as Navigator & { userAgentData?: { platform: string } };
  const platform = nav.userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad/i.test(platform) ? 'mac' : 'other';
}

export const keyPlatform: KeyPlatform = detect();

/** True when the key would type into the element: text inputs, textareas, the editor. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type);
  return false;
}
