/**
 * The player of an open interview: its store, the port the margin times call (player-port.ts), and
 * the docked view for the editor's dock. The port is a new object only when whether something can
 * play changes, so the timed paragraphs re-render then and not on the player's ticks.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Recording } from '../../../shared/model/schema';
import { NO_PLAYER, type PlayerPort } from './player-port';
import { Player } from './Player';
import { PlayerStore } from './player-store';
import { playerSettings } from './player-settings-store';

export interface DocumentPlayer {
  port: PlayerPort;
  view: ReactNode;
  /** The list as a restored version holds it (nothing is stored: it is the stored list). */
  take: (recordings: readonly Recording[] | undefined) => void;
}

export function useDocumentPlayer(initial: readonly Recording[] | undefined, store: (next: Recording[]) => void, readOnly: boolean): DocumentPlayer {
  const [player] = useState(() => new PlayerStore());
  const [recordings, setRecordingsShown] = useState<readonly Recording[]>(initial ?? []);
  const [chosen, setChosen] = useState<string | null>(initial?.[0]?.id ?? null);
  const [loaded, setLoaded] = useState<string | null>(null);

  // The library's settings reach the store as they load and change (player-settings-store.ts).
  useEffect(() => {
    const setting = playerSettings();
    const apply = () => player.setSettings(setting.get());
    apply();
    void setting.load();
    return setting.subscribe(apply);
  }, [player]);

  const setRecordings = useCallback(
    (next: Recording[]) => {
      setRecordingsShown(next);
      store(next);
    },
    [store],
  );

  const port = useMemo<PlayerPort>(() => {
    if (loaded === null) return NO_PLAYER;
    return {
      available: () => true,
      currentMs: () => player.currentMs(),
      seek: (ms, recording) => {
        // A time naming no recording is in the first (schema.ts), even while another one plays.
        const target = recording ?? recordings[0]?.id;
        // A time in another recording: that one is loaded, then played from there (player-store.ts).
        if (target && target !== loaded && recordings.some((r) => r.id === target)) {
          player.attach(null);
          player.seek(ms);
          setChosen(target);
        } else player.seek(ms);
      },
    };
  }, [loaded, player, recordings]);

  const view = useMemo(
    () => <Player store={player} recordings={recordings} setRecordings={setRecordings} chosen={chosen} onChoose={setChosen} onLoaded={setLoaded} readOnly={readOnly} />,
    [player, recordings, setRecordings, chosen, readOnly],
  );
  const take = useCallback((next: readonly Recording[] | undefined) => setRecordingsShown(next ?? []), []);
  return useMemo(() => ({ port, view, take }), [port, view, take]);
}
