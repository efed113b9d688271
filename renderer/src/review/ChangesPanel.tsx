/**
 * The Changes panel: every pending suggestion in document order with its
 * author, time and excerpt; a filter by author; accept or reject one, all (of the author shown),
 * or those at the caret or in the selection, whose buttons say beforehand what they will decide.
 * Clicking a suggestion selects it in the text and brings it into view (reveal.ts).
 */
import { useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSidePanel } from '../common/use-side-panel';
import { Editor, Text, Transforms, type Range } from 'slate';
import type { Interview } from '../../../shared/model/schema';
import { listPending, tallyKinds, type PendingSuggestion } from '../../../shared/review';
import { ReviewProblems } from './ReviewProblems';
import { ConflictList } from './ConflictList';
import { changeLabel } from './change-label';
import { intentText } from './decision-text';
import { authorStyle, useAuthorColour } from './author-colour-context';
import { revealPath } from './reveal';
import { usePointed } from './use-pointed';
import type { ReviewState } from './use-review';

/** The range of text a suggestion marks, from its first leaf to its last. */
function rangeOf(editor: Editor, id: string): Range | null {
  const leaves = [...Editor.nodes(editor, { at: [], match: (n) => Text.isText(n) && (n.ins === id || n.del === id) })];
  if (leaves.length === 0) return null;
  return { anchor: Editor.start(editor, leaves[0]![1]), focus: Editor.end(editor, leaves[leaves.length - 1]![1]) };
}

/** A metadata suggestion: its field is focused (the details section opened if it is folded). */
function showMetaSuggestion(id: string): void {
  const field = document.querySelector(`.meta-pending[data-suggestion="${CSS.escape(id)}"]`)?.closest('.field');
  const details = field?.closest('details');
  if (details && !details.open) details.open = true;
  const input = field?.querySelector<HTMLElement>('input, textarea, select');
  input?.focus();
  input?.scrollIntoView({ block: 'center' });
}

function selectSuggestion(editor: Editor, review: ReviewState, item: PendingSuggestion): void {
  if ('field' in item.at) return showMetaSuggestion(item.id);
  const range = rangeOf(editor, item.id) ?? ('path' in item.at && item.at.path.length > 0 ? Editor.range(editor, item.at.path) : null);
  if (!range) return;
  Transforms.select(editor, range);
  review.focusEditor();
  revealPath(editor, range.anchor.path);
}

/** `repaired`: damaged review data left out when the document was opened (ReviewProblems.tsx). */
export function ChangesPanel({
  editor,
  review,
  doc,
  onClose,
  repaired,
  onDismissConflict,
}: {
  editor: Editor;
  review: ReviewState;
  doc: () => Interview;
  onClose: () => void;
  repaired?: readonly string[];
  /** A merge conflict without suggestions let go (ConflictList.tsx). */
  onDismissConflict?: (id: string) => void;
}) {
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
  const colour = useAuthorColour();

  // Keyboard: focus in on opening, Escape closes, focus back on closing (common/use-side-panel.ts).
  const panelRef = useRef<HTMLElement>(null);
  useSidePanel(panelRef, onClose);

  return (
    <aside ref={panelRef} className="side-panel changes-panel" role="region" aria-label={t('review.changes')}>
      <header className="side-panel-header">
        <h2>{t('review.changesCount', { count: pending.length })}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={t('review.closeChanges')} title={t('review.closeChanges')}>
          ×
        </button>
      </header>
      <ReviewProblems review={review} doc={doc} repaired={repaired} />
      <ConflictList doc={doc} review={review} onDismiss={onDismissConflict} show={(id) => pending.some((p) => p.id === id && (selectSuggestion(editor, review, p), true))} />
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
      </div>
      <PointedActions editor={editor} review={review} />
      {shown.length === 0 && <p className="muted">{t('review.none')}</p>}
      <ol className="changes-list">
        {shown.map((item) => (
          <li key={item.id} className="change" style={authorStyle(colour(item.authorId))} data-change={item.id} aria-label={t(`review.kinds.${item.kind ?? 'unknown'}`)}>
            <button
              type="button"
              className="change-jump"
              title={`${item.authorName ?? t('review.unknownAuthor')} · ${when(item.createdAt)}`}
              onClick={() => selectSuggestion(editor, review, item)}
            >
              <span className="change-meta">
                <strong className="change-author">{item.authorName ?? t('review.unknownAuthor')}</strong> · {when(item.createdAt)} · {t(`review.kinds.${item.kind ?? 'unknown'}`)}
              </span>
              <ChangeExcerpt doc={doc} item={item} />
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

/**
 * Accept or reject what the caret or the selection points at (shared/review/in-range.ts). Each
 * button names what it will decide ("Accept 2 changes: 1 deletion, 1 speaker change") and decides
 * exactly that; with nothing there it is disabled and says where it looked. A mousedown would take
 * the focus, and the selection with it, out of the story.
 */
function PointedActions({ editor, review }: { editor: Editor; review: ReviewState }) {
  const { t } = useTranslation();
  const whereId = useId();
  const { ids, where } = usePointed(editor, review);
  const tally = tallyKinds(ids, (id) => review.records.get(id)?.kind);
  const label = (decision: 'accept' | 'reject') =>
    tally.length > 0 ? intentText(t, decision, tally) : t(where === 'caret' ? `review.${decision}Caret` : `review.${decision}Selection`);
  return (
    <div className="changes-actions changes-here" role="group" aria-labelledby={whereId}>
      <span id={whereId} className="changes-here-where">
        {t(`review.here.${where}`)}
      </span>
      {(['accept', 'reject'] as const).map((decision) => (
        <button key={decision} type="button" disabled={ids.length === 0} onMouseDown={(e) => e.preventDefault()} onClick={() => review.decide(decision, ids, where)}>
          {label(decision)}
        </button>
      ))}
    </div>
  );
}

/** The excerpt: what it is about ("Speaker:", "Headline:"), then old → new for a value, else the text. */
function ChangeExcerpt({ doc, item }: { doc: () => Interview; item: PendingSuggestion }) {
  const { t } = useTranslation();
  const label = changeLabel(doc(), item);
  return (
    <span className="change-excerpt">
      {label && <span className="change-label">{label.values ? t(label.key, label.values) : t(label.key)}:</span>}
      {label?.value ? (
        <>
          <del>{item.removed || '—'}</del> → <ins>{item.added || '—'}</ins>
        </>
      ) : item.kind === 'movePhoto' ? (
        // The same photo at both places: its caption once.
        item.added
      ) : (
        <>
          {item.removed && <del>{item.removed}</del>} {item.added && <ins>{item.added}</ins>}
        </>
      )}
    </span>
  );
}
