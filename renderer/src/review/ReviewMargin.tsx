/**
 * The review margin: suggestions and comments in one list beside the story, in the order of the
 * text they are about (margin-order.ts), filtered to all, the suggestions or the comments. Where the
 * window is wide, each card stands level with its words (use-card-alignment.ts); the cards the caret
 * is on are marked current. Above the list: damaged review data and merge conflicts, accept or
 * reject all (of one author), accept or reject here, and the comment being written.
 *
 * Opened and filtered through one store (margin-store.ts); as a side panel it takes the keyboard in
 * on opening, closes on Escape and gives the focus back (common/use-side-panel.ts).
 */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Node, type Editor } from 'slate';
import { ReactEditor } from 'slate-react';
import type { Interview } from '../../../shared/model/schema';
import { listPending, type PendingSuggestion } from '../../../shared/review';
import { listThreads, type ThreadView } from '../../../shared/review/comments';
import { TRACKED_META_FIELDS } from '../../../shared/review/values';
import { useSidePanel } from '../common/use-side-panel';
import { onEditorChange } from '../editor/editor-changes';
import { ChangeCard, PointedActions, selectSuggestion } from './ChangeCard';
import { ConflictList } from './ConflictList';
import { ReviewProblems } from './ReviewProblems';
import { Composer, ThreadCard, excerpt } from './comments/ThreadCard';
import { threadRange } from './comments/anchor-ops';
import type { CommentsState } from './comments/use-comments';
import { MARGIN_FILTERS, useMargin, type MarginStore } from './margin-store';
import { inTextOrder, type MarginPlace } from './margin-order';
import { useAtCaret } from './use-at-caret';
import { useCardAlignment, useWideWindow } from './use-card-alignment';
import type { ReviewState } from './use-review';

type Card = { kind: 'suggestion'; item: PendingSuggestion } | { kind: 'thread'; view: ThreadView };
const keyOf = (card: Card) => (card.kind === 'suggestion' ? card.item.id : card.view.thread.id);

function suggestionPlace(item: PendingSuggestion): MarginPlace {
  if ('field' in item.at) return { field: TRACKED_META_FIELDS.indexOf(item.at.field) };
  // The empty path is what a suggestion without a place in the tree reports.
  return 'path' in item.at && item.at.path.length > 0 ? { path: item.at.path } : null;
}

/** The viewport top of what a card is about, or null when it is not on screen in the story. */
function anchorTopOf(editor: Editor, key: string, cards: ReadonlyMap<string, Card>): number | null {
  const card = cards.get(key);
  if (!card) return null;
  if (card.kind === 'suggestion' && 'field' in card.item.at) {
    const pending = document.querySelector(`.meta-pending[data-suggestion="${CSS.escape(key)}"]`);
    // The field the change is in, or the note of the change where the field is laid out otherwise.
    const rect = (pending?.closest('.field') ?? pending)?.getBoundingClientRect();
    return rect && rect.height > 0 ? rect.top : null;
  }
  const react = editor as ReactEditor;
  try {
    // The marks the text is drawn with first: a lookup in the page, where reading the tree for the
    // range would walk the whole story for every card on every keystroke.
    const story = ReactEditor.toDOMNode(react, editor);
    const mark = story.querySelector(card.kind === 'suggestion' ? `.suggestion[data-suggestion="${CSS.escape(key)}"]` : `[data-comment-ids~="${CSS.escape(key)}"]`);
    const marked = mark?.getBoundingClientRect();
    if (marked && marked.height > 0) return marked.top;
    // Unmarked: a suggested turn or photo (its block), a resolved thread (its words are not highlighted).
    const range = card.kind === 'thread' ? threadRange(editor, key) : null;
    if (range) {
      const rect = ReactEditor.toDOMRange(react, range).getBoundingClientRect();
      if (rect.height > 0) return rect.top;
    }
    if (card.kind === 'suggestion' && 'path' in card.item.at && card.item.at.path.length > 0) {
      const rect = ReactEditor.toDOMNode(react, Node.get(editor, card.item.at.path)).getBoundingClientRect();
      if (rect.height > 0) return rect.top;
    }
  } catch {
    // not rendered (the Final or Original view), or a path the tree no longer has
  }
  return null;
}

interface Props {
  store: MarginStore;
  editor: Editor;
  review: ReviewState;
  comments: CommentsState;
  doc: () => Interview;
  /** "Add comment" was asked for with no text selected: say what to do. */
  commentHint: boolean;
  /** `repaired`: damaged review data left out when the document was opened (ReviewProblems.tsx). */
  repaired?: readonly string[];
  /** A merge conflict without suggestions let go (ConflictList.tsx). */
  onDismissConflict?: (id: string) => void;
}

export function ReviewMargin({ store, editor, review, comments, doc, commentHint, repaired, onDismissConflict }: Props) {
  const { t } = useTranslation();
  const { filter } = useMargin(store);
  const version = useSyncExternalStore(review.signal.subscribe, review.signal.get);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const pending = useMemo(() => listPending(doc()), [doc, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when doc() changed
  const threads = useMemo(() => listThreads(doc()), [doc, version, comments.threads]);
  const [author, setAuthor] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const authors = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of pending) if (p.authorId) m.set(p.authorId, p.authorName ?? p.authorId);
    return [...m];
  }, [pending]);
  const authorName = authors.find(([id]) => id === author)?.[1];
  const decidable = author ? pending.filter((p) => p.authorId === author) : pending;
  const withSuggestions = filter !== 'comments';
  const withComments = filter !== 'suggestions';

  const { placed, gone } = useMemo(() => {
    const suggestions = withSuggestions ? decidable.map((item) => ({ value: { kind: 'suggestion', item } as Card, place: suggestionPlace(item) })) : [];
    const shownThreads = withComments ? threads.filter((v) => showResolved || v.state !== 'resolved') : [];
    const notes = shownThreads.map((view) => ({ value: { kind: 'thread', view } as Card, place: view.path ? { path: view.path } : null }));
    return inTextOrder([...suggestions, ...notes]);
  }, [withSuggestions, withComments, decidable, threads, showResolved]);
  const cardsByKey = useMemo(() => new Map([...placed, ...gone].map((c) => [keyOf(c), c])), [placed, gone]);

  const atCaret = useAtCaret(editor, review);
  const listRef = useRef<HTMLOListElement>(null);
  const wide = useWideWindow();
  const anchorTop = useCallback((key: string) => anchorTopOf(editor, key, cardsByKey), [editor, cardsByKey]);
  const subscribe = useCallback((measure: () => void) => onEditorChange(editor, measure), [editor]);
  useCardAlignment(listRef, wide && review.view === 'markup', anchorTop, subscribe);

  const panelRef = useRef<HTMLElement>(null);
  useSidePanel(panelRef, store.close);

  const render = (card: Card) =>
    card.kind === 'suggestion' ? (
      <ChangeCard key={card.item.id} editor={editor} review={review} doc={doc} item={card.item} current={atCaret.has(card.item.id)} />
    ) : (
      <ThreadCard key={card.view.thread.id} view={card.view} comments={comments} current={atCaret.has(card.view.thread.id)} />
    );

  return (
    <aside ref={panelRef} className="side-panel review-margin" role="complementary" aria-label={t('margin.region')}>
      <header className="side-panel-header">
        <h2>{t('margin.region')}</h2>
        <button type="button" className="icon" onClick={store.close} aria-label={t('margin.close')} title={t('margin.close')}>
          ×
        </button>
      </header>
      <div role="radiogroup" aria-label={t('margin.filter')} className="segmented small margin-filter">
        {MARGIN_FILTERS.map((f) => (
          <label key={f} className={f === filter ? 'segment checked' : 'segment'}>
            <input type="radio" name="margin-filter" value={f} checked={f === filter} onChange={() => store.setFilter(f)} />
            {t(`margin.filters.${f}`)}
          </label>
        ))}
      </div>
      {withSuggestions && (
        <div className="margin-section">
          <h3>{t('review.changesCount', { count: pending.length })}</h3>
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
            <button type="button" disabled={decidable.length === 0} onClick={() => review.decide('accept', decidable.map((p) => p.id))}>
              {authorName ? t('review.acceptAllBy', { name: authorName }) : t('review.acceptAll')}
            </button>
            <button type="button" disabled={decidable.length === 0} onClick={() => review.decide('reject', decidable.map((p) => p.id))}>
              {authorName ? t('review.rejectAllBy', { name: authorName }) : t('review.rejectAll')}
            </button>
          </div>
          <PointedActions editor={editor} review={review} />
          {decidable.length === 0 && <p className="muted">{t('review.none')}</p>}
        </div>
      )}
      {withComments && (
        <div className="margin-section">
          <label className="margin-resolved">
            <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
            {t('margin.showResolved')}
          </label>
          {commentHint && <p className="notice">{t('comments.addHint')}</p>}
          {comments.draft && (
            <div className="comment-thread draft">
              <p className="comment-quote">{t('comments.on', { quote: excerpt(comments.draft.quote) })}</p>
              <Composer label={t('comments.newLabel')} submit={t('comments.post')} autoFocus onSubmit={comments.post} onCancel={comments.cancel} />
            </div>
          )}
          {threads.length === 0 && !comments.draft && <p className="muted">{t('comments.none')}</p>}
        </div>
      )}
      <ol ref={listRef} className="margin-cards" aria-label={t('margin.cards')}>
        {placed.map(render)}
      </ol>
      {gone.length > 0 && (
        <>
          <h3 className="margin-gone">{t('margin.gone')}</h3>
          <ol className="margin-cards">{gone.map(render)}</ol>
        </>
      )}
    </aside>
  );
}
