/**
 * How the text reaches the recording's player without knowing it: the editor shows a paragraph's
 * time in the margin and, when it is clicked, asks the port to play from there. The player (docked
 * under the editor) provides the port; until it does, or with no recording attached, the default
 * port plays nothing and says so (`available()` false), and the times still show.
 *
 * The port is one object for as long as what it can do stays the same, not a value that changes as
 * the recording plays: the margin times read `seek` only when clicked, so thousands of timed
 * paragraphs never re-render on a tick of the player's clock. A player provides a new port object
 * when `available()` changes (a recording attached or removed), which is when the margin times
 * change from plain text to buttons. Following the paragraph being heard is the player's to do, through
 * the `data-time-start` attribute each timed paragraph carries (editor/elements/ElementView.tsx).
 */
import { createContext, useContext } from 'react';

export interface PlayerPort {
  /** Whether a recording is attached and can play. */
  available(): boolean;
  /** Where the player is now, in milliseconds; null with nothing loaded. */
  currentMs(): number | null;
  /** Play from `ms` in `recording` (a recording's id; absent: the first recording). */
  seek(ms: number, recording?: string): void;
}

/** No player: nothing plays, nothing is attached. */
export const NO_PLAYER: PlayerPort = {
  available: () => false,
  currentMs: () => null,
  seek: () => {},
};

export const PlayerPortContext = createContext<PlayerPort>(NO_PLAYER);

export function usePlayerPort(): PlayerPort {
  return useContext(PlayerPortContext);
}
