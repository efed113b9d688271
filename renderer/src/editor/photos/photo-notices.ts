/**
 * Why the last photo action left files out, per editor. Photo actions start in several places
 * (toolbar, drop, paste, a placeholder's attach button, inside Slate's insertData); they report
 * here and one alert region shows the result (PhotoAlerts.tsx).
 */
import { EditorReport, perEditor } from '../editor-report';
import type { PhotoProblem } from './store-photo-file';

export class PhotoNotices extends EditorReport<readonly PhotoProblem[]> {
  /** Replace what is shown: each action reports its own outcome, an empty list clears it. */
  show(problems: readonly PhotoProblem[]): void {
    this.report(problems.length === 0 ? null : problems);
  }
}

export const photoNotices = perEditor(() => new PhotoNotices());
