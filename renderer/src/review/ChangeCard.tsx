/**
 * A suggestion as the review margin shows it: its author, time, kind and excerpt, a click that
 * selects it in the text and brings it into view (reveal.ts), and Accept / Reject. Also the
 * margin's "here" buttons, which decide what the caret or the selection points at.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Text, Transforms, type Range } from 'slate';
import type { Interview } from '../../../shared/model/schema';
import { tallyKinds, type PendingSuggestion } from '../../../shared/review';
import { changeLabel } from './change-label';
import { intentText } from './decision-text';
import { authorStyle, useAuthorColour } from './author-colour-context';
import { revealPath } from './reveal';
import { usePointed } from './use-pointed';
import type { ReviewState } from './use-review';

/** The range of text a suggestion marks, from its first leaf to its last. */
export function rangeOf(editor: Editor, id: string): Range | null {
  const leaves = [...Editor.nodes(editor, { at: [], match: (n) => Text.isText(n) && (n.ins === id || n.del === id) })];
  if (leaves.length === 0) return null;
  return { anchor: Editor.start(editor, leaves[0]![1]), focus: Editor.end(editor, leaves[leaves.length - 1]![1]) };
}

/**
 * A metadata suggestion: its field is focused — the one on screen when the field is shown in more
 * than one place, else the one in the folded details section, opened for it.
 */
export function showMetaSuggestion(id: string, field: string): void {
  const inputs = [...document.querySelectorAll<HTMLElement>(`[data-meta-field="${CSS.escape(field)}"]`)];
  let input = inputs.find((el) => el.getClientRects().length > 0);
  if (!input) {
    const near = document.querySelector(`.meta-pending[data-suggestion="${CSS.escape(id)}"]`)?.closest('.field');
    input = near?.querySelector<HTMLElement>('input, textarea, select') ?? inputs[0];
    const details = input?.closest('details');
    if (details && !details.open) details.open = true;
  }
  input?.focus();
  input?.scrollIntoView({ block: 'center' });
}

export function selectSuggestion(editor: Editor, review: ReviewState, item: PendingSuggestion): void {
  if ('field' in item.at) return showMetaSuggestion(item.id, item.at.field);
  const range = rangeOf(editor, item.id) ?? ('path' in item.at && item.at.path.length > 0 ? Editor.range(editor, item.at.path) : null);
  if (!range) return;
  Transforms.select(editor, range);
  review.focusEditor();
  revealPath(editor, range.anchor.path);
}

/** `current`: the caret or the selection is on it (review/use-at-caret.ts). */
export function ChangeCard({ editor, review, doc, item, current }: { editor: Editor; review: ReviewState; doc: () => Interview; item: PendingSuggestion; current: boolean }) {
  const { t, i18n } = useTranslation();
  const colour = useAuthorColour();
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');
  return (
    <li
      className={current ? 'change margin-card current' : 'change margin-card'}
      aria-current={current ? 'true' : undefined}
      style={authorStyle(colour(item.authorId))}
      data-change={item.id}
      data-card={item.id}
      aria-label={t(`review.kinds.${item.kind ?? 'unknown'}`)}
    >
      <button type="button" className="change-jump" title={`${item.authorName ?? t('review.unknownAuthor')} · ${when(item.createdAt)}`} onClick={() => selectSuggestion(editor, review, item)}>
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
  );
}

/**
 * Accept or reject what the caret or the selection points at (shared/review/in-range.ts). Each
 * button names what it will decide ("Accept 2 changes: 1 deletion, 1 speaker change") and decides
 * exactly that; with nothing there it is disabled and says where it looked. A mousedown would take
 * the focus, and the selection with it, out of the story.
 */
export function PointedActions({ editor, review }: { editor: Editor; review: ReviewState }) {
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
