import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importAgencyText, type ImportResult } from '../../../shared/import/agency-text';
import { api } from '../api';
import { navigate } from '../route';
import { ImportPreviewDialog } from './ImportPreviewDialog';

/** Larger text files are not interviews; reading them would only stall the window. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** "Import": pick a plain-text article, check what was recognised, then add it to the library. */
export function ImportButton({ onError }: { onError: (message: string) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<{ fileName: string; result: ImportResult } | null>(null);

  async function pick(file: File) {
    if (file.size > MAX_IMPORT_BYTES) return onError(t('import.tooLarge', { mb: Math.round(file.size / 1048576) }));
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return onError(t('import.notText'));
    }
    setPreview({ fileName: file.name, result: importAgencyText(text) });
  }

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".txt,text/plain"
        hidden
        aria-label={t('import.file')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void pick(file);
        }}
      />
      {preview && (
        <ImportPreviewDialog
          fileName={preview.fileName}
          result={preview.result}
          onCancel={() => setPreview(null)}
          onAccept={async (doc) => {
            const created = await api.document.createFrom({ doc });
            setPreview(null);
            if (created.ok) navigate({ screen: 'document', id: created.value.doc.id });
            else onError(created.error.message);
          }}
        />
      )}
    </>
  );
}
