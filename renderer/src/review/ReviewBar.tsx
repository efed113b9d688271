import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBarHeightVar } from '../common/bar-height-var';
import { useStickyBar } from '../common/sticky-bars';
import { EDITING_MODES, MARKUP_VIEWS, type EditingMode, type MarkupView } from '../../../shared/desktop-commands';

function RadioGroup<T extends string>({ label, name, values, value, onChange, text }: { label: string; name: string; values: readonly T[]; value: T; onChange: (v: T) => void; text: (v: T) => string }) {
  return (
    <div role="radiogroup" aria-label={label} className="segmented">
      {values.map((v) => (
        <label key={v} className={v === value ? 'segment checked' : 'segment'}>
          <input type="radio" name={name} value={v} checked={v === value} onChange={() => onChange(v)} />
          {text(v)}
        </label>
      ))}
    </div>
  );
}

interface Props {
  mode: EditingMode;
  view: MarkupView;
  onMode: (m: EditingMode) => void;
  onView: (v: MarkupView) => void;
  /** Comment on the selected text (comments are made on the marked-up text, in any mode). */
  onAddComment: () => void;
}

/**
 * Editing / Suggesting / Viewing, the Markup / Final / Original views, and Add comment. The bar
 * stays under the top bar while the story scrolls (a sticky bar the caret is kept clear of, with
 * its height published for the editor's toolbar stacked under it).
 */
export function ReviewBar({ mode, view, onMode, onView, onAddComment }: Props) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  useStickyBar(bar, 'top');
  useBarHeightVar(bar, '--reviewbar-h');
  return (
    <div className="review-bar" ref={bar} role="group" aria-label={t('review.toolbar')}>
      <RadioGroup label={t('review.mode')} name="review-mode" values={EDITING_MODES} value={mode} onChange={onMode} text={(m) => t(`review.modes.${m}`)} />
      <RadioGroup label={t('review.view')} name="review-view" values={MARKUP_VIEWS} value={view} onChange={onView} text={(v) => t(`review.views.${v}`)} />
      {/* mousedown would move the focus, and the selection to comment on with it */}
      <button type="button" className="add-comment" disabled={view !== 'markup'} onMouseDown={(e) => e.preventDefault()} onClick={onAddComment} title="Ctrl+Alt+M">
        {t('comments.add')}
      </button>
    </div>
  );
}
