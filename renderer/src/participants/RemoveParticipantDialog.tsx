import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/model/schema';
import { rememberFocus } from '../common/focus-return';

export type RemoveChoice = { kind: 'reassign'; to: string } | { kind: 'delete' };

interface Props {
  participant: Participant;
  turns: number;
  others: Participant[];
  onCancel: () => void;
  onConfirm: (choice: RemoveChoice) => void;
}

/** Asks what happens to the turns of a speaker who is being removed; nothing is lost silently. */
export function RemoveParticipantDialog({ participant, turns, others, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<'reassign' | 'delete'>('reassign');
  const [to, setTo] = useState(others[0]?.id ?? '');

  useEffect(() => {
    const el = dialog.current;
    // Cancelled, the focus goes back to the Remove button that asked (common/focus-return.ts).
    const restoreFocus = rememberFocus();
    if (el && !el.open) el.showModal();
    return () => {
      el?.close();
      restoreFocus();
    };
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="remove-participant-title" onCancel={onCancel}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(mode === 'reassign' ? { kind: 'reassign', to } : { kind: 'delete' });
        }}
      >
        <h2 id="remove-participant-title">{t('participants.removeTitle', { label: participant.label })}</h2>
        <p>{t('participants.removeTurns', { count: turns, label: participant.label })}</p>
        <label className="choice">
          <input type="radio" name="remove-mode" checked={mode === 'reassign'} onChange={() => setMode('reassign')} />
          {t('participants.giveTurnsTo')}{' '}
          <select aria-label={t('participants.newSpeaker')} value={to} onChange={(e) => setTo(e.target.value)} disabled={mode !== 'reassign'}>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input type="radio" name="remove-mode" checked={mode === 'delete'} onChange={() => setMode('delete')} />
          {t('participants.deleteTurns', { count: turns })}
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('participants.cancel')}
          </button>
          <button type="submit" className={mode === 'delete' ? 'danger' : 'primary'}>
            {t('participants.confirmRemove')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
