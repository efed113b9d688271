/**
 * What the Changes panel shows about damaged review state (review/review-problems.ts), and a discard
 * in the live editor: the problem goes, the rest stays pending, and one undo brings it back.
 */
import { createEditor, Editor, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview } from '../../../../shared/model/schema';
import { discard, findProblems, listPending } from '../../../../shared/review';
import { attachDocumentHistory } from '../../../../renderer/src/document/document-history';
import { withInterview } from '../../../../renderer/src/editor/with-interview';
import { replaceBody } from '../../../../renderer/src/review/replace-body';
import { problemKey, viewProblems } from '../../../../renderer/src/review/review-problems';
import '../../../../renderer/src/editor/slate-types';

const AT = '2026-11-27T10:00:00.000Z';

/** An answer with two pending changes, one damaged (its record is gone); a stray record; a bad metadata change. */
function damaged(): Interview {
  const base = newInterview('doc1', 'vi');
  return {
    ...base,
    body: [
      {
        type: 'turn',
        speakerId: 'p2',
        children: [{ type: 'paragraph', children: [{ text: 'Chúng tôi' }, { text: ' đã', ins: 'ghost' }, { text: ' chủ động' }, { text: ' lắm', del: 'ok' }, { text: '.' }] }],
      },
    ],
    review: {
      suggestions: [
        { id: 'ok', kind: 'deleteText', authorId: 'e1', authorName: 'Minh', createdAt: AT },
        { id: 'stray', kind: 'insertTurn', authorId: 'e2', authorName: 'Hà', createdAt: AT },
        { id: 'm1', kind: 'setMeta', authorId: 'e1', authorName: 'Minh', createdAt: AT },
      ],
      // An urgency change whose old value is not an urgency.
      metaChanges: [{ id: 'm1', field: 'urgency', from: 'rất gấp' }],
    },
  };
}

describe('viewProblems', () => {
  it('lists each problem once, with what it touches and who made it when the record says', () => {
    const views = viewProblems(damaged());
    expect(views.map((v) => v.problem.type).sort()).toEqual(['badMetaValue', 'missingRecord', 'orphanRecord']);
    const missing = views.find((v) => v.problem.type === 'missingRecord');
    expect(missing?.excerpt).toBe(' đã');
    expect(missing?.authorName).toBeUndefined(); // nobody to name: the record is gone
    expect(views.find((v) => v.problem.type === 'orphanRecord')).toMatchObject({ authorName: 'Hà', kind: 'insertTurn' });
    expect(views.find((v) => v.problem.type === 'badMetaValue')).toMatchObject({ excerpt: '"rất gấp"' });
    expect(new Set(views.map((v) => v.key)).size).toBe(views.length);
  });

  it('is empty for a healthy document', () => {
    const doc = damaged();
    expect(viewProblems(discard(doc))).toEqual([]);
    expect(viewProblems(newInterview('doc2', 'en'))).toEqual([]);
  });
});

describe('discarding one problem in the editor', () => {
  it('takes back only the damaged suggestion, as one undo step', () => {
    const doc = damaged();
    const editor = withInterview(withHistory(createEditor()));
    editor.children = structuredClone(doc.body) as Descendant[];
    const history = attachDocumentHistory(editor);
    const text = () => Editor.string(editor, [0]);
    const now = (): Interview => ({ ...doc, body: structuredClone(editor.children) as Block[] });

    const missing = findProblems(now()).filter((p) => problemKey(p) === 'missingRecord:ghost');
    expect(missing).toHaveLength(1);
    replaceBody(editor, discard(now(), missing).body);
    history.sync();
    expect(text()).toBe('Chúng tôi chủ động lắm.');
    // The healthy suggestion is still there to review, and the stray record was not touched by this one.
    expect(listPending(now()).map((p) => p.id)).toEqual(['m1', 'ok']);
    expect(findProblems(now()).map((p) => p.type)).not.toContain('missingRecord');

    history.undo();
    expect(text()).toBe('Chúng tôi đã chủ động lắm.');
    expect(findProblems(now()).map((p) => p.type)).toContain('missingRecord');
    history.redo();
    expect(text()).toBe('Chúng tôi chủ động lắm.');
  });
});
