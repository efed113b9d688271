import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { useFormatNumber } from '../../i18n/format-number';
import { pasteNotices, type PasteProblem } from './paste-notices';

/**
 * Why a paste inserted nothing, announced as an alert. Stays until dismissed or until the next
 * paste; the document is unchanged meanwhile.
 */
export function PasteAlert() {
  const { t } = useTranslation();
  const format = useFormatNumber();
  const notices = pasteNotices(useSlateStatic());
  const problem = useSyncExternalStore(notices.subscribe, notices.get);
  if (problem === null) return null;

  const describe = (p: PasteProblem): string => {
    switch (p.kind) {
      case 'too_large':
        return t('paste.tooLarge', { size: format(p.size), max: format(p.max) });
      case 'too_many_blocks':
        return t('paste.tooManyBlocks', { count: format(p.count), max: format(p.max) });
      case 'too_many_parts':
        return t('paste.tooManyParts');
      case 'not_here_while_suggesting':
        return t('paste.notHereWhileSuggesting');
    }
  };

  return (
    <div className="paste-alert" role="alert">
      <p>{describe(problem)}</p>
      <button type="button" onClick={() => notices.clear()}>
        {t('paste.dismiss')}
      </button>
    </div>
  );
}
