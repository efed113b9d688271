import { Fragment, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { acceleratorKeys, matchesAccelerator, typesCharacter } from '../../../shared/accelerators';
import { keysOf, shortcut, SHORTCUTS, type Shortcut, type ShortcutScope } from '../../../shared/shortcuts';
import { rememberFocus } from '../common/focus-return';
import { useDesktopCommand } from '../desktop/commands';
import { shortcutsPanel } from './panel-state';
import { isTextEntry, keyPlatform } from './platform';

const SCOPES: ShortcutScope[] = ['editor', 'document', 'find', 'player', 'app'];

/**
 * The keyboard shortcuts panel: a modal dialog named "Keyboard shortcuts" listing shared/shortcuts.ts.
 * Opened by F1 anywhere, by `?` when focus is not where `?` is typed (Vietnamese questions end
 * with one), and by the toolbar button. Escape (or a click outside) closes it and focus goes back
 * where it was.
 */
export function ShortcutsPanel() {
  useDesktopCommand('help.shortcuts', shortcutsPanel.open);
  const { t } = useTranslation();
  const open = useSyncExternalStore(shortcutsPanel.subscribe, shortcutsPanel.isOpen);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<(() => void) | null>(null);
  const titleId = useId();

  useEffect(() => {
    const keys = keysOf(shortcut('shortcuts'), keyPlatform);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || shortcutsPanel.isOpen()) return;
      const hit = keys.find((k) => matchesAccelerator(event, k, keyPlatform));
      if (!hit || (typesCharacter(hit) && isTextEntry(event.target))) return;
      event.preventDefault();
      shortcutsPanel.open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = rememberFocus();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // The dialog closes itself on Escape (its `cancel`); either way the store follows and focus
  // goes back, with the editor's caret where it was (common/focus-return.ts).
  const onClose = () => {
    shortcutsPanel.close();
    returnFocus.current?.();
    returnFocus.current = null;
  };

  return (
    <dialog ref={dialogRef} className="shortcuts-dialog" aria-labelledby={titleId} onClose={onClose} closedby="any">
      <header className="shortcuts-header">
        <h2 id={titleId}>{t('shortcuts.title')}</h2>
        <button type="button" className="icon" aria-label={t('shortcuts.close')} title={t('shortcuts.close')} onClick={() => dialogRef.current?.close()}>
          ×
        </button>
      </header>
      {open &&
        SCOPES.map((scope) => (
          <section key={scope} className="shortcuts-group">
            <h3>{t(`shortcuts.scopes.${scope}`)}</h3>
            <table className="shortcuts-table">
              <tbody>
                {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                  <tr key={s.id}>
                    <td className="shortcut-keys">
                      <ShortcutKeys shortcut={s} />
                    </td>
                    <td>{t(s.description)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </dialog>
  );
}

/** The keys of a shortcut, each in a <kbd>: `Ctrl`+`Enter`, `⌘``↩`, `Alt`+`1` … `Alt`+`9`. */
function ShortcutKeys({ shortcut: s }: { shortcut: Shortcut }) {
  const { t } = useTranslation();
  const accelerators = keysOf(s, keyPlatform);
  return (
    <>
      {accelerators.map((accelerator, i) => (
        <Fragment key={accelerator}>
          {i > 0 && <span className="shortcut-or">{` ${t('shortcuts.or')} `}</span>}
          <Keys accelerator={accelerator} />
          {s.through && i === 0 && (
            <>
              {' … '}
              <Keys accelerator={s.through} />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

function Keys({ accelerator }: { accelerator: string }) {
  const keys = acceleratorKeys(accelerator, keyPlatform);
  return (
    <span className="shortcut-combo">
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && keyPlatform !== 'mac' && '+'}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
