import { useEffect, useId, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Editor, Range } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { matchesShortcut } from '../../../shared/shortcuts';
import { coveredEdges } from '../common/sticky-bars';
import { useFormatNumber } from '../i18n/format-number';
import { keyPlatform } from '../shortcuts/platform';
import type { FindController, FindState } from './find-controller';
import { domFieldView } from './field-view';
import { scrollToShow } from './reveal-match';

/**
 * The find bar: a `search` landmark named "Find" with the query, the replacement, the options and
 * a live match counter. Enter finds the next match, Shift+Enter the previous one, Escape closes
 * the bar and puts the caret back in the text on the current match. A match in a field (the
 * headline, a caption, a speaker's label) is selected in that field (field-view.ts). After Replace
 * all, a line says where it replaced. In Viewing mode the replace controls are disabled, with the
 * reason beside them: the document is read-only there (the controller refuses too).
 */
export function FindBar({ controller }: { controller: FindController }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const format = useFormatNumber();
  const findRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  // Read in render, after the Editable above has recorded its readOnly for this render.
  const canReplace = controller.canReplace();
  const { open, focus } = state;
  useEffect(() => {
    if (!open) return;
    // Asked to replace in a read-only document (Ctrl+H, Edit ▸ Replace): finding still works.
    const input = focus.field === 'replace' && canReplace ? replaceRef.current : findRef.current;
    input?.focus();
    input?.select();
  }, [open, focus, canReplace]);

  useEffect(() => controller.setRevealer((range) => requestAnimationFrame(() => reveal(editor, range))), [controller, editor]);
  useEffect(() => {
    const view = domFieldView(editor, { next: () => controller.next(), previous: () => controller.previous() });
    const unset = controller.setFieldView(view);
    return () => {
      view.clear();
      unset();
    };
  }, [controller, editor]);

  if (!open) return null;

  const close = () => {
    controller.close();
    ReactEditor.focus(editor);
  };
  const onBarKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (matchesShortcut(event, 'findClose', keyPlatform)) {
      event.preventDefault();
      close();
    }
  };
  const onFindKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter also ends an input method's composition: that Enter is the IME's, not ours.
    if (event.nativeEvent.isComposing) return;
    if (matchesShortcut(event, 'findNext', keyPlatform)) controller.next();
    else if (matchesShortcut(event, 'findPrevious', keyPlatform)) controller.previous();
    else return;
    event.preventDefault();
  };
  const onReplaceKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (matchesShortcut(event, 'findNext', keyPlatform)) controller.replace();
    else if (matchesShortcut(event, 'findPrevious', keyPlatform)) controller.previous();
    else return;
    event.preventDefault();
  };

  const none = state.total === 0;
  const readOnlyReason = canReplace ? undefined : t('find.replaceReadOnly');
  return (
    <search className="find-bar" aria-label={t('find.region')} onKeyDown={onBarKeyDown}>
      <div className="find-line">
        <label className="find-label" htmlFor={`${ids}-find`}>
          {t('find.find')}
        </label>
        <div className="find-box">
          <input
            ref={findRef}
            id={`${ids}-find`}
            type="text"
            value={state.query}
            placeholder={t('find.find')}
            onChange={(e) => controller.setQuery(e.target.value)}
            onKeyDown={onFindKeyDown}
            spellCheck={false}
            autoComplete="off"
          />
          <span className="find-counter" aria-live="polite" aria-atomic="true">
            {counterText(state, t, format)}
          </span>
        </div>
        <div className="find-actions">
          <button type="button" className="icon" aria-label={t('find.previous')} title={t('find.previousHint')} disabled={none} onClick={() => controller.previous()}>
            ↑
          </button>
          <button type="button" className="icon" aria-label={t('find.next')} title={t('find.nextHint')} disabled={none} onClick={() => controller.next()}>
            ↓
          </button>
          <button type="button" className="icon find-close" aria-label={t('find.close')} title={t('find.closeHint')} onClick={close}>
            ×
          </button>
        </div>
      </div>
      <div className="find-line">
        <label className="find-label" htmlFor={`${ids}-replace`}>
          {t('find.replaceWith')}
        </label>
        <div className="find-box">
          <input
            ref={replaceRef}
            id={`${ids}-replace`}
            type="text"
            value={state.replacement}
            placeholder={t('find.replaceWith')}
            onChange={(e) => controller.setReplacement(e.target.value)}
            onKeyDown={onReplaceKeyDown}
            spellCheck={false}
            autoComplete="off"
            disabled={!canReplace}
            title={readOnlyReason}
            aria-describedby={canReplace ? undefined : `${ids}-read-only`}
          />
        </div>
        <div className="find-actions">
          <button type="button" disabled={none || !canReplace} title={readOnlyReason} onClick={() => controller.replace()}>
            {t('find.replace')}
          </button>
          <button type="button" disabled={none || !canReplace} title={readOnlyReason} onClick={() => controller.replaceAll()}>
            {t('find.replaceAll')}
          </button>
        </div>
      </div>
      {!canReplace && (
        <p id={`${ids}-read-only`} className="muted">
          {readOnlyReason}
        </p>
      )}
      <div className="find-options">
        <label>
          <input type="checkbox" checked={state.options.ignoreDiacritics} onChange={(e) => controller.setOptions({ ignoreDiacritics: e.target.checked })} />
          {t('find.ignoreDiacritics')}
        </label>
        <label>
          <input type="checkbox" checked={state.options.matchCase} onChange={(e) => controller.setOptions({ matchCase: e.target.checked })} />
          {t('find.matchCase')}
        </label>
        <label>
          <input type="checkbox" checked={state.speakers} onChange={(e) => controller.setSpeakers(e.target.checked)} />
          {t('find.includeSpeakers')}
        </label>
      </div>
      {state.replaced && state.replaced.total > 0 && (
        <p className="find-report" aria-live="polite">
          {t('find.replacedWhere', {
            count: state.replaced.total,
            n: format(state.replaced.total),
            where: state.replaced.where.map((w) => t(`find.where.${w.place}`, { count: w.count, n: format(w.count) })).join(', '),
          })}
        </p>
      )}
    </search>
  );
}

function counterText(state: FindState, t: TFunction, format: (n: number) => string): string {
  if (state.replaced !== null) return t('find.replaced', { count: state.replaced.total, n: format(state.replaced.total) });
  if (state.query === '') return '';
  if (state.total === 0) return t('find.noMatches');
  if (state.current === null) return t('find.matches', { count: state.total, n: format(state.total) });
  return t('find.position', { current: format(state.current + 1), total: format(state.total) });
}

/**
 * Scrolls a match into the middle of what the bars leave visible when it is hidden, including
 * behind the top bar (taller when its buttons wrap on a laptop screen) and the dock with the find
 * bar: the bars are measured now (sticky-bars.ts), not assumed. The editor is not focused while
 * the user types in the find bar, so Slate does not scroll to its selection by itself.
 */
function reveal(editor: Editor, range: Range, again = true): void {
  let domRange: globalThis.Range;
  try {
    domRange = ReactEditor.toDOMRange(editor, range);
  } catch {
    return; // the match went away before the frame came (the user typed on)
  }
  const dy = scrollToShow(domRange.getBoundingClientRect(), coveredEdges(), document.documentElement.clientHeight);
  if (dy === 0) return;
  window.scrollBy({ top: dy, behavior: 'instant' });
  // Off-screen chunks are laid out at an estimated height (content-visibility) until they come into
  // view, so the match may land a little off the mark: measure once more in the next frame.
  if (again) requestAnimationFrame(() => reveal(editor, range, false));
}
