/**
 * The suggestions menu on an underlined word, opened by a right-click on it or, with the caret in
 * it, by Shift+F10 or the ContextMenu key. A `menu` named after the problem and the word, with one
 * `menuitem` per suggestion, then "Add to dictionary", "Fix all like this" and, for tone marks,
 * "Fix all in the house style". Arrow keys, Home and End move; Enter chooses; Escape closes and
 * puts the focus back in the text.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactEditor, useSlateStatic } from 'slate-react';
import type { MenuState, SpellingController } from './spelling-controller';

/** Keeps the menu inside the window. */
function placeWithin(at: MenuState['at'], menu: HTMLElement): { left: number; top: number } {
  const { width, height } = menu.getBoundingClientRect();
  return { left: Math.max(4, Math.min(at.x, window.innerWidth - width - 4)), top: Math.max(4, Math.min(at.y, window.innerHeight - height - 4)) };
}

export function SpellingMenu({ controller }: { controller: SpellingController }) {
  const menu = useSyncExternalStore(controller.subscribe, controller.getMenu);
  return menu ? <OpenMenu key={`${menu.path.join('.')}:${menu.finding.start}`} controller={controller} menu={menu} /> : null;
}

function OpenMenu({ controller, menu }: { controller: SpellingController; menu: MenuState }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number }>({ left: menu.at.x, top: menu.at.y });
  const { finding, suggestions } = menu;

  useLayoutEffect(() => {
    if (ref.current) setPlace(placeWithin(menu.at, ref.current));
  }, [menu.at, suggestions]);

  // Focus the first item when the menu opens, and again when the suggestions arrive.
  const loaded = suggestions !== null;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [loaded]);

  const backToText = () => ReactEditor.focus(editor);
  const act = (action: () => void) => () => {
    action();
    backToText();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') {
      controller.closeMenu();
      backToText();
    } else if (event.key === 'Tab') controller.closeMenu();
    else return;
    event.preventDefault();
  };

  // Clicking or tabbing away closes it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!ref.current?.contains(event.relatedTarget as Node | null)) controller.closeMenu();
  };

  const first = suggestions?.[0];
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={t('spelling.menu', { kind: t(`spelling.kind.${finding.kind}`), word: finding.found })}
      className="spelling-menu"
      style={place}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      // The ContextMenu key that opened it may also send a contextmenu event here.
      onContextMenu={(event) => event.preventDefault()}
    >
      {(suggestions === null || suggestions.length === 0) && (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className="spelling-menu-note">
          {t(suggestions === null ? 'spelling.loading' : 'spelling.none')}
        </div>
      )}
      {suggestions?.map((s) => (
        <button key={s} type="button" role="menuitem" tabIndex={-1} className="spelling-suggestion" onClick={act(() => controller.choose(s))}>
          {s}
        </button>
      ))}
      <div role="separator" />
      {first !== undefined && (
        <button type="button" role="menuitem" tabIndex={-1} onClick={act(() => controller.fixAllLikeThis())}>
          {t('spelling.fixAllLikeThis')}
        </button>
      )}
      {finding.kind !== 'spelling' && (
        <button type="button" role="menuitem" tabIndex={-1} onClick={act(() => controller.fixAllTones())}>
          {t('spelling.fixHouseStyle')}
        </button>
      )}
      <button type="button" role="menuitem" tabIndex={-1} onClick={act(() => controller.addToDictionary())}>
        {t('spelling.addToDictionary')}
      </button>
    </div>
  );
}
