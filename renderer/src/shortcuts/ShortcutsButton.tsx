import { useTranslation } from 'react-i18next';
import { formatAccelerator } from '../../../shared/accelerators';
import { acceleratorOf, shortcut } from '../../../shared/shortcuts';
import { shortcutsPanel } from './panel-state';
import { keyPlatform } from './platform';

/** The toolbar's way to the keyboard shortcuts panel (also F1, or ? outside the text). */
export function ShortcutsButton() {
  const { t } = useTranslation();
  const key = formatAccelerator(acceleratorOf(shortcut('shortcuts'), keyPlatform), keyPlatform);
  return (
    <button type="button" className="shortcuts-button" aria-label={t('shortcuts.title')} title={`${t('shortcuts.title')} (${key})`} onClick={shortcutsPanel.open}>
      {t('shortcuts.button')}
    </button>
  );
}
