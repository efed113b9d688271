import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../shared/api/contract';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/export/formats';

/** Add and remove newsroom drop folders (name, format, folder). */
export function DestinationsEditor({ destinations, onSave }: { destinations: Destination[]; onSave: (next: Destination[]) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<ExportFormat>('nitf');
  const [folder, setFolder] = useState('');

  const add = () => {
    const id = `d${Date.now().toString(36)}`;
    onSave([...destinations, { id, name: name.trim(), format, folder: folder.trim() }]);
    setName('');
    setFolder('');
  };

  return (
    <fieldset className="destinations-editor">
      <legend>{t('newsroom.manage')}</legend>
      {destinations.length > 0 && (
        <ul className="destination-list">
          {destinations.map((d) => (
            <li key={d.id}>
              <span>
                <strong>{d.name}</strong> · {t(`export.formats.${d.format}`)} · <code>{d.folder}</code>
              </span>
              <button type="button" className="danger" onClick={() => onSave(destinations.filter((x) => x.id !== d.id))}>
                {t('newsroom.remove', { name: d.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="destination-form">
        <label className="field">
          <span className="field-label">{t('newsroom.name')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('export.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`export.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span className="field-label">{t('newsroom.folder')}</span>
          <input type="text" value={folder} placeholder="/srv/ingest/nitf" onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="button" disabled={name.trim() === '' || folder.trim() === ''} onClick={add}>
          {t('newsroom.add')}
        </button>
      </div>
    </fieldset>
  );
}
