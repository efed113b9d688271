import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Descendant, Editor } from 'slate';
import { useSlateSelector, useSlateStatic } from 'slate-react';
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

function useIdleCounts(editor: Editor): Counts | null {
  // Re-render only when the document or the caret's turn changes, not on every selection move.
  const children: Descendant[] = useSlateSelector((e) => e.children);
  const turn = useSlateSelector(selectedTurnIndex);
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    let idle: number | null = null;
    const timer = window.setTimeout(() => {
      idle = requestIdleCallback(
        () => setCounts({ body: bodyCounts(children), turn: turn === null ? null : blockCounts(children[turn]!) }),
        { timeout: 1000 }, // a busy page still gets its counts within a second
      );
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [editor, children, turn]);
  return counts;
}
