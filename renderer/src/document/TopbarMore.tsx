import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fitTopbar } from './topbar-overflow';

interface Item {
  target: HTMLButtonElement;
  label: string;
  disabled: boolean;
  /** A toggle (a panel shown or not): its `aria-pressed`. */
  pressed: boolean | null;
}

const itemOf = (target: HTMLButtonElement): Item => {
  const pressed = target.getAttribute('aria-pressed');
  // A button that shows less than its name (the profile shows the name only) is listed by its name.
  return { target, label: (target.getAttribute('aria-label') ?? target.textContent ?? '').trim(), disabled: target.disabled, pressed: pressed === null ? null : pressed === 'true' };
};

/**
 * "More ▾", placed in the top bar: the bar's buttons that do not fit on its one row (topbar-overflow.ts), as a menu
 * button with a menu (WAI-ARIA menu button: Enter, Space or ↓ opens it on the first item, ↑ on
 * the last; ↑ ↓ Home End move; Escape closes it back onto the button; Tab leaves it).
 */
export function TopbarMore() {
  const { t } = useTranslation();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<HTMLButtonElement[]>([]);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Item[]>([]);
  const focusOnOpen = useRef<'first' | 'last'>('first');

  // Fit the bar whenever its width or its contents change (a label in the other language, a count).
  // The bar is this element's parent: its own ref is not attached yet when a child's layout effect runs.
  useLayoutEffect(() => {
    const more = wrap.current;
    const el = more?.parentElement;
    if (!more || !el) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      setHidden(fitTopbar(el, more));
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(el);
    // Text and buttons coming and going; not attributes, which fitting itself sets.
    const mutations = new MutationObserver(() => {
      frame ||= requestAnimationFrame(fit);
    });
    mutations.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
    };
  }, []);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  const show = (at: 'first' | 'last') => {
    focusOnOpen.current = at;
    setItems(hidden.map(itemOf));
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    (focusOnOpen.current === 'first' ? entries[0] : entries.at(-1))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(entries.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    // Escape stops here: a side panel under the menu must not close with it.
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (item: Item) => {
    // The keyboard goes back to More first, so a dialog the item opens gives it back there.
    close(true);
    item.target.click();
  };

  return (
    <div className="topbar-more" ref={wrap}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'topbar-more-menu' : undefined}
        aria-label={t('document.moreLabel')}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        {t('document.more')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} id="topbar-more-menu" role="menu" aria-label={t('document.moreLabel')} className="topbar-menu" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={i}
              type="button"
              role={item.pressed === null ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={item.pressed ?? undefined}
              disabled={item.disabled}
              tabIndex={-1}
              onClick={() => choose(item)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
