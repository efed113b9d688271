/**
 * The Changes panel (issue 5, items 4 and 5): every pending suggestion in document order with its
 * author, time and excerpt; a filter by author; accept or reject one, all (of the author shown),
 * or those in the selection. Clicking a suggestion selects it in the text.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Text, Transforms, type Range } from 'slate';
import type { Interview } from '../../../shared/model/schema';
import { listPending, type PendingSuggestion } from '../../../shared/review';
import { authorSlot } from './SuggestionMarks';
import type { ReviewState } from './use-review';

/** The range of text a suggestion marks, from its first leaf to its last. */
function rangeOf(editor: Editor, id: string): Range | null {
  const leaves = [...Editor.nodes(editor, { at: [], match: (n) => Text.isText(n) && (n.ins === id || n.del === id) })];
  if (leaves.length === 0) return null;
  return { anchor: Editor.start(editor, leaves[0]![1]), focus: Editor.end(editor, leaves[leaves.length - 1]![1]) };
}

function selectSuggestion(editor: Editor, review: ReviewState, item: PendingSuggestion): void {
  const range = rangeOf(editor, item.id) ?? ('path' in item.at && item.at.path.length > 0 ? Editor.range(editor, item.at.path) : null);
  if (!range) return;
  Transforms.select(editor, range);
  review.focusEditor();
}

export function ChangesPanel({ editor, review, doc, onClose }: { editor: Editor; review: ReviewState; doc: () => Interview; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const version = useSyncExternalStore(review.signal.subscribe, review.signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const pending = useMemo(() => listPending(doc()), [doc, version]);
  const [author, setAuthor] = useState<string>('');
  const authors = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of pending) if (p.authorId) m.set(p.authorId, p.authorName ?? p.authorId);
    return [...m];
  }, [pending]);
  const shown = author ? pending.filter((p) => p.authorId === author) : pending;
  const authorName = authors.find(([id]) => id === author)?.[1];
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  return (
    <aside className="side-panel changes-panel" role="region" aria-label={t('review.changes')}>
      <header className="side-panel-header">
        <h2>{t('review.changesCount', { count: pending.length })}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('review.closeChanges')} title={t('review.closeChanges')}>
          ×
        </button>
      </header>
      <label className="field">
        <span className="field-label">{t('review.author')}</span>
        <select value={author} onChange={(e) => setAuthor(e.target.value)}>
          <option value="">{t('review.allAuthors')}</option>
          {authors.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="changes-actions">
        <button type="button" disabled={shown.length === 0} onClick={() => review.decide('accept', shown.map((p) => p.id))}>
          {authorName ? t('review.acceptAllBy', { name: authorName }) : t('review.acceptAll')}
        </button>
        <button type="button" disabled={shown.length === 0} onClick={() => review.decide('reject', shown.map((p) => p.id))}>
          {authorName ? t('review.rejectAllBy', { name: authorName }) : t('review.rejectAll')}
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => review.decide('accept', review.idsInSelection())}>
          {t('review.acceptSelection')}
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => review.decide('reject', review.idsInSelection())}>
          {t('review.rejectSelection')}
        </button>
      </div>
      {shown.length === 0 && <p className="muted">{t('review.none')}</p>}
      <ol className="changes-list">
        {shown.map((item) => (
          <li key={item.id} className={`change author-${authorSlot(item.authorId)}`} aria-label={t(`review.kinds.${item.kind ?? 'unknown'}`)}>
            <button type="button" className="change-jump" onClick={() => selectSuggestion(editor, review, item)}>
              <span className="change-meta">
                <strong>{item.authorName ?? t('review.unknownAuthor')}</strong> · {when(item.createdAt)} · {t(`review.kinds.${item.kind ?? 'unknown'}`)}
              </span>
              <span className="change-excerpt">
                {item.removed && <del>{item.removed}</del>} {item.added && <ins>{item.added}</ins>}
              </span>
            </button>
            <div className="change-decide">
              <button type="button" onClick={() => review.decide('accept', [item.id])}>
                {t('review.accept')}
              </button>
              <button type="button" onClick={() => review.decide('reject', [item.id])}>
                {t('review.reject')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
