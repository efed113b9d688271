/** From the stored (marked-up) tree the editor shows to the accepted-view positions edits use. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Turn } from '../../../../shared/model/schema';
import type { BlockPath } from '../../../../shared/review/edits';
import { acceptedPath, acceptedPoint } from '../../../../shared/review/layout';
import { acceptedView } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { editor, editSeed, editsFrom, interview, testClock } from './arbitraries';

const paragraphText = (p: Paragraph) => p.children.map((l) => l.text).join('');

describe('acceptedPoint', () => {
  it('maps every character the accepted view shows to the same character there, and struck text to where it stands', () => {
    fc.assert(
      fc.property(interview, fc.array(editSeed, { minLength: 1, maxLength: 8 }), (doc, seeds) => {
        const marked = suggest(doc, editsFrom(doc, seeds), editor, testClock());
        const view = acceptedView(marked);
        const at = (path: BlockPath) => (path.length === 1 ? view.body[path[0]] : (view.body[path[0]] as Turn).children[path[1]]) as Paragraph;
        const visit = (p: Paragraph, prefix: number[]) =>
          p.children.forEach((leaf, k) => {
            for (let offset = 0; offset <= leaf.text.length; offset++) {
              const point = acceptedPoint(marked, { path: [...prefix, k], offset });
              if (!point) return; // inside a removed turn
              const text = paragraphText(at(point.path));
              expect(point.offset).toBeLessThanOrEqual(text.length);
              if (leaf.del === undefined && offset < leaf.text.length) expect(text[point.offset]).toBe(leaf.text[offset]);
            }
          });
        marked.body.forEach((b, i) => {
          if (b.type === 'paragraph') visit(b, [i]);
          if (b.type === 'turn') b.children.forEach((c, j) => c.type === 'paragraph' && visit(c, [i, j]));
          if (b.type === 'turn' && b.del !== undefined) expect(acceptedPath(marked, [i])).toBeUndefined();
        });
      }),
      { seed: 20261127, numRuns: 100 },
    );
  });
});
