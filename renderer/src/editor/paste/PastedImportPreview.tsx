import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { ImportPreviewDialog } from '../../import/ImportPreviewDialog';
import { importOffers } from './import-offers';
import { acceptPastedImport } from './insert-pasted';
import { pasteNotices } from './paste-notices';

/**
 * The import preview of a text interview pasted into an empty document (import-offers.ts): the
 * same dialog as Import. Accepted, the document becomes what Import would have made; cancelled,
 * nothing is pasted.
 */
export function PastedImportPreview() {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const offers = importOffers(editor);
  const offered = useSyncExternalStore(offers.subscribe, offers.get);
  if (offered === null) return null;
  return (
    <ImportPreviewDialog
      fileName={t('import.pasted')}
      result={offered}
      onCancel={() => offers.clear()}
      onAccept={(draft) => pasteNotices(editor).show(acceptPastedImport(editor, offered, draft))}
    />
  );
}
