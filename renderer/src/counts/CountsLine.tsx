import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Descendant, Editor } from 'slate';
import { useSlateStatic } from 'slate-react';
import { onEditorChange } from '../editor/editor-changes';
import type { TextCounts } from '../../../shared/text/word-count';
import { useFormatNumber } from '../i18n/format-number';
import { blockCounts, bodyCounts, selectedTurnIndex } from './document-counts';

/** How long typing must pause before the counts are brought up to date. */
const PAUSE_MS = 300;

interface Counts {
  body: TextCounts;
  turn: TextCounts | null;
}

/**
 * The status line under the editor: words and characters of the body, and words of the turn
 * that holds the caret. Counted off the typing path: after a pause, when the browser is idle.
 */
export function CountsLine() {
  const { t } = useTranslation();
  const format = useFormatNumber();
  const editor = useSlateStatic();
  const counts = useIdleCounts(editor);
  const words = (n: number) => t('counts.words', { count: n, n: format(n) });
  return (
    <p className="counts-line">
      {counts && (
        <span>
          {words(counts.body.words)} · {t('counts.characters', { count: counts.body.characters, n: format(counts.body.characters) })}
        </span>
      )}
      {counts?.turn && <span>{t('counts.turn', { words: words(counts.turn.words) })}</span>}
    </p>
  );
}

const sameCounts = (a: TextCounts, b: TextCounts) => a.words === b.words && a.characters === b.characters;
const sameAs = (a: Counts | null, b: Counts) => a !== null && sameCounts(a.body, b.body) && (a.turn === null || b.turn === null ? a.turn === b.turn : sameCounts(a.turn, b.turn));

function useIdleCounts(editor: Editor): Counts | null {
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    // Counting waits for a pause in typing; a change of the document or of the caret's turn
    // starts the wait again (a caret move inside the turn does not). Changes are heard from the
    // editor, not through a selector, so a keystroke does not re-render this line (in a long
    // interview every render on the keystroke's path shows in the typing latency).
    let awaited: { children: Descendant[]; turn: number | null } | null = null;
    let timer: number | null = null;
    let idle: number | null = null;
    const cancel = () => {
      if (timer !== null) window.clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
      timer = idle = null;
    };
    const count = () => {
      idle = null;
      const { children } = editor;
      const turn = selectedTurnIndex(editor);
      const next = { body: bodyCounts(children), turn: turn === null ? null : blockCounts(children[turn]!) };
      setCounts((previous) => (sameAs(previous, next) ? previous : next));
    };
    const schedule = () => {
      const { children } = editor;
      const turn = selectedTurnIndex(editor);
      if (awaited && awaited.children === children && awaited.turn === turn) return;
      awaited = { children, turn };
      cancel();
      timer = window.setTimeout(() => {
        timer = null;
        idle = requestIdleCallback(count, { timeout: 1000 }); // a busy page still gets its counts within a second
      }, PAUSE_MS);
    };
    schedule();
    const stop = onEditorChange(editor, schedule);
    return () => {
      stop();
      cancel();
    };
  }, [editor]);
  return counts;
}
