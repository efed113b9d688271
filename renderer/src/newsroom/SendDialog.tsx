import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, Destination, PreflightFindings } from '../../../shared/api/contract';
import type { Status } from '../../../shared/model/schema';
import { api } from '../api';
import { sendNeedsConfirmation } from '../document/workflow-status';
import { Dialog } from '../common/Dialog';
import { PreflightList } from '../export/PreflightList';
import { DestinationsEditor } from './DestinationsEditor';
import { useDestinations } from './use-destinations';

/** The latest deliveries of one document. */
async function deliveriesOf(documentId: string): Promise<Delivery[]> {
  const result = await api.newsroom.log({ limit: 200 });
  return result.ok ? result.value.entries.filter((e) => e.documentId === documentId).slice(0, 10) : [];
}

interface Props {
  documentId: string;
  flush: () => Promise<void>;
  onClose: () => void;
  /** The story's workflow status: a draft or a story in review is sent only after a question. */
  status: Status;
  /** A delivery succeeded (the story becomes Sent: document/workflow-status.ts). */
  onSent: () => void;
}

/**
 * Send to newsroom: pick a destination (a drop folder and the profile of the system that polls
 * it) and deliver the story there. The backend shapes the files for the receiving system, writes
 * temporary files and renames them, pictures first (into `pictures/` unless the profile says
 * otherwise), and logs every delivery.
 */
export function SendDialog({ documentId, flush, onClose, status, onSent }: Props) {
  const { t, i18n } = useTranslation();
  const { destinations, error: settingsError, save: storeDestinations } = useDestinations();
  const [chosen, setChosen] = useState<string | null>(null);
  const [preflight, setPreflight] = useState<PreflightFindings | null>(null);
  const [override, setOverride] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [log, setLog] = useState<Delivery[]>([]);
  const [sending, setSending] = useState(false);
  // Asked once per dialog: "This story is still a draft. Send it anyway?"
  const [asking, setAsking] = useState(false);
  const unapproved = sendNeedsConfirmation(status);

  const refreshLog = useCallback(() => deliveriesOf(documentId).then(setLog), [documentId]);

  useEffect(() => {
    void deliveriesOf(documentId).then(setLog);
  }, [documentId]);

  // The first destination is chosen until the user picks one (or the chosen one is removed).
  const picked = destinations?.some((d) => d.id === chosen) ? chosen : (destinations?.[0]?.id ?? null);

  async function saveDestinations(next: Destination[]) {
    const stored = await storeDestinations(next);
    // A destination just added is the one to send to.
    const added = stored?.find((d) => !destinations?.some((old) => old.id === d.id));
    if (added) setChosen(added.id);
  }

  async function send(confirmed = false) {
    const destinationId = picked;
    if (!destinationId) return;
    if (unapproved && !confirmed) return setAsking(true);
    setAsking(false);
    setSending(true);
    setMessage(null);
    await flush();
    const accept = override && preflight ? preflight.warnings.map((w) => w.key) : [];
    const result = await api.newsroom.send({ id: documentId, destinationId, acceptWarnings: accept });
    setSending(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    setPreflight(result.value.preflight);
    const delivery = result.value.delivery;
    if (delivery) setMessage({ ok: delivery.ok, text: delivery.ok ? t('newsroom.sent', { name: delivery.destination, files: delivery.files.join(', ') }) : delivery.message });
    if (delivery?.ok) onSent();
    void refreshLog();
  }

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <Dialog title={t('newsroom.title')} onClose={onClose} className="wide-dialog">
      {destinations && destinations.length === 0 && <p className="muted">{t('newsroom.none')}</p>}
      {destinations && destinations.length > 0 && (
        <fieldset className="destination-choice">
          <legend>{t('newsroom.destination')}</legend>
          {destinations.map((d) => (
            <label key={d.id} className="choice">
              <input type="radio" name="destination" checked={picked === d.id} onChange={() => setChosen(d.id)} />
              <span>
                {d.name}{' '}
                <span className="muted">
                  ({t(`newsroom.receivers.${d.receiver}`)} · {t(`export.formats.${d.format}`)})
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {settingsError && (
        <p role="alert" className="error">
          {settingsError}
        </p>
      )}
      {preflight && <PreflightList preflight={preflight} overrideWarnings={override} onOverrideChange={setOverride} />}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      {asking && unapproved ? (
        <div role="alertdialog" aria-label={t(`newsroom.confirm.${unapproved}`)} className="send-confirm">
          <p>{t(`newsroom.confirm.${unapproved}`)}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setAsking(false)}>
              {t('newsroom.dontSend')}
            </button>
            <button type="button" className="primary" autoFocus onClick={() => void send(true)}>
              {t('newsroom.sendAnyway')}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('export.close')}
          </button>
          <button type="button" className="primary" disabled={!picked || sending} onClick={() => void send()}>
            {t('newsroom.send')}
          </button>
        </div>
      )}
      {destinations && <DestinationsEditor destinations={destinations} onSave={(next) => void saveDestinations(next)} />}
      {log.length > 0 && (
        <>
          <h3>{t('newsroom.log')}</h3>
          <ul className="delivery-log">
            {log.map((e, i) => (
              <li key={i} className={e.ok ? 'ok' : 'error'}>
                {when.format(new Date(e.at))} · {e.destination} · {e.ok ? t('newsroom.logOk') : e.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
