import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../shared/api/contract';
import { DestinationForm } from './DestinationForm';

/**
 * The newsroom destinations: each one's receiving system, format and folder, to edit or remove,
 * and a form to add one (or to edit the one chosen). Every change is saved at once by `onSave`.
 */
export function DestinationsEditor({ destinations, onSave }: { destinations: Destination[]; onSave: (next: Destination[]) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const current = destinations.find((d) => d.id === editing) ?? null;

  return (
    <fieldset className="destinations-editor">
      <legend>{t('newsroom.manage')}</legend>
      {destinations.length > 0 && (
        <ul className="destination-list">
          {destinations.map((d) => (
            <li key={d.id}>
              <span>
                <strong>{d.name}</strong> · {t(`newsroom.receivers.${d.receiver}`)} · {t(`export.formats.${d.format}`)} · <code>{d.folder}</code>
                {d.pictureLayout === 'subfolder' ? ` · ${t('newsroom.pictureLayouts.subfolder')}` : ''}
              </span>
              <span className="destination-actions">
                <button type="button" aria-pressed={editing === d.id} onClick={() => setEditing(editing === d.id ? null : d.id)}>
                  {t('newsroom.edit', { name: d.name })}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (editing === d.id) setEditing(null);
                    onSave(destinations.filter((x) => x.id !== d.id));
                  }}
                >
                  {t('newsroom.remove', { name: d.name })}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* Keyed by what is edited, so choosing another destination starts the form afresh. */}
      <DestinationForm
        key={current?.id ?? 'new'}
        editing={current}
        onCancel={current ? () => setEditing(null) : undefined}
        onSubmit={(destination) => {
          onSave(current ? destinations.map((d) => (d.id === destination.id ? destination : d)) : [...destinations, destination]);
          setEditing(null);
        }}
      />
    </fieldset>
  );
}
