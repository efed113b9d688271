/**
 * What the photo alert shows (editor/photos/photo-notices.ts): each photo action's outcome replaces
 * the last one, an action that left nothing out clears it, and the alert is told only of a change.
 */
import { createEditor } from 'slate';
import { describe, expect, it } from 'vitest';
import { photoNotices } from '../../../../../renderer/src/editor/photos/photo-notices';
import type { PhotoProblem } from '../../../../../renderer/src/editor/photos/store-photo-file';

const SVG: PhotoProblem = { kind: 'svg', file: 'logo.svg' };
const TEXT: PhotoProblem = { kind: 'not_image', file: 'ảnh.jpg' };

describe('photo notices', () => {
  it('shows the last action’s problems, and nothing once an action leaves none out', () => {
    const notices = photoNotices(createEditor());
    expect(notices.get()).toBeNull();
    notices.show([SVG, TEXT]);
    expect(notices.get()).toEqual([SVG, TEXT]);
    notices.show([TEXT]);
    expect(notices.get()).toEqual([TEXT]);
    notices.show([]);
    expect(notices.get()).toBeNull();
    notices.show([SVG]);
    notices.clear();
    expect(notices.get()).toBeNull();
  });

  it('tells its listeners of each change only, until they leave', () => {
    const notices = photoNotices(createEditor());
    let told = 0;
    const leave = notices.subscribe(() => told++);
    notices.show([]);
    expect(told).toBe(0);
    notices.show([SVG]);
    notices.show([SVG]);
    expect(told).toBe(2);
    notices.clear();
    notices.clear();
    expect(told).toBe(3);
    leave();
    notices.show([TEXT]);
    expect(told).toBe(3);
  });

  it('keeps one report per editor', () => {
    const one = createEditor();
    const other = createEditor();
    photoNotices(one).show([SVG]);
    expect(photoNotices(one).get()).toEqual([SVG]);
    expect(photoNotices(other).get()).toBeNull();
  });
});
