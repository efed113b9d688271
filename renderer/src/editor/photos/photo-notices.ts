/**
 * Why the last photo action left files out, per editor. Photo actions start in several places
 * (toolbar, drop, paste, a placeholder's attach button, inside Slate's insertData); they report
 * here and one alert region shows the result (PhotoAlerts.tsx).
 */
import type { Editor } from 'slate';
import type { PhotoProblem } from './store-photo-file';

export class PhotoNotices {
  private problems: readonly PhotoProblem[] = [];
  private readonly listeners = new Set<() => void>();

  get = (): readonly PhotoProblem[] => this.problems;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replace what is shown: each action reports its own outcome, an empty list clears it. */
  show(problems: readonly PhotoProblem[]): void {
    if (problems.length === 0 && this.problems.length === 0) return;
    this.problems = problems;
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.show([]);
  }
}

const notices = new WeakMap<Editor, PhotoNotices>();

export function photoNotices(editor: Editor): PhotoNotices {
  let n = notices.get(editor);
  if (!n) notices.set(editor, (n = new PhotoNotices()));
  return n;
}
