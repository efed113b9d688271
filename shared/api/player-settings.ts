/**
 * The transcription player's settings, kept in the library (electron/backend/player-settings.ts) so
 * every window and both hosts play alike: the steps back and forward, how far a resume goes back,
 * and the keys a reporter chose instead of the table's (a foot pedal that types F13 or a pedal
 * vendor's key becomes a player key this way).
 *
 * `keys` holds only the actions remapped; an action absent keeps the keys of shared/shortcuts.ts.
 * A key map is refused when a key types text (Telex and VNI type with bare letters and digits), is
 * an input method's switch, is another shortcut's key, or is given to two actions: `keyMapProblem`.
 */
import { z } from 'zod';
import { matchesAccelerator, typesCharacter, type KeyPlatform } from '../accelerators';
import { keysOf, SHORTCUTS } from '../shortcuts';

export const PLAYER_ACTIONS = ['playPause', 'back', 'forward', 'slower', 'faster', 'stamp', 'follow'] as const;
export type PlayerAction = (typeof PLAYER_ACTIONS)[number];

/** The table's entry for each action. */
export const PLAYER_SHORTCUTS = {
  playPause: 'playerPlayPause',
  back: 'playerBack',
  forward: 'playerForward',
  slower: 'playerSlower',
  faster: 'playerFaster',
  stamp: 'playerStamp',
  follow: 'playerFollow',
} as const satisfies Record<PlayerAction, (typeof SHORTCUTS)[number]['id']>;

const accelerator = z.string().min(1).max(40);

export const playerSettingsSchema = z
  .object({
    backMs: z.number().int().min(500).max(60_000),
    forwardMs: z.number().int().min(500).max(60_000),
    rewindMs: z.number().int().min(0).max(10_000),
    keys: z.partialRecord(z.enum(PLAYER_ACTIONS), z.array(accelerator).min(1).max(3)).optional(),
  })
  .strict();

export type PlayerSettings = z.infer<typeof playerSettingsSchema>;
export type PlayerKeyMap = NonNullable<PlayerSettings['keys']>;

export const DEFAULT_PLAYER_SETTINGS: PlayerSettings = { backMs: 3000, forwardMs: 5000, rewindMs: 1000 };

/** Keys no player action may take: input-method switches and keys the browser or Electron keep. */
const RESERVED = ['Ctrl+Space', 'Alt+Z', 'Ctrl+0', 'Ctrl+Shift', 'Backspace', 'F5', 'F6', 'F10', 'F11', 'F12', 'Ctrl+R', 'Ctrl+W', 'Ctrl+T', 'Ctrl+N', 'Ctrl+Q'];

/** What is wrong with a key for an action, or null: a stable code for the view to put in words. */
export type KeyProblem = 'invalid' | 'types' | 'reserved' | 'taken' | 'twice';

function parses(k: string): boolean {
  try {
    typesCharacter(k);
    return true;
  } catch {
    return false;
  }
}

/** The keys of each action with this map applied. */
export function playerKeys(map: PlayerKeyMap | undefined, platform: KeyPlatform): Record<PlayerAction, string[]> {
  const out = {} as Record<PlayerAction, string[]>;
  for (const action of PLAYER_ACTIONS) out[action] = map?.[action] ?? keysOf(SHORTCUTS.find((s) => s.id === PLAYER_SHORTCUTS[action])!, platform);
  return out;
}

/** The first problem of a key map on a platform, with the action and key it is about, or null. */
export function keyMapProblem(map: PlayerKeyMap, platform: KeyPlatform): { action: PlayerAction; key: string; problem: KeyProblem } | null {
  const playerIds = new Set<string>(Object.values(PLAYER_SHORTCUTS));
  const others = SHORTCUTS.filter((s) => !playerIds.has(s.id)).flatMap((s) => keysOf(s, platform));
  const all = playerKeys(map, platform);
  const seen = new Map<string, PlayerAction>();
  for (const action of PLAYER_ACTIONS) {
    for (const key of all[action]) {
      if (!parses(key)) return { action, key, problem: 'invalid' };
      if (typesCharacter(key)) return { action, key, problem: 'types' };
      if (RESERVED.some((r) => same(r, key, platform))) return { action, key, problem: 'reserved' };
      if (others.some((o) => same(o, key, platform))) return { action, key, problem: 'taken' };
      const normal = key.toLowerCase();
      if (seen.has(normal) && seen.get(normal) !== action) return { action, key, problem: 'twice' };
      seen.set(normal, action);
    }
  }
  return null;
}

/** Whether two accelerators are one key on this platform (compared through a key event built from one). */
function same(a: string, b: string, platform: KeyPlatform): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const event = eventOf(b, platform);
  return event !== null && parses(a) && matchesAccelerator(event, a, platform);
}

/** A key event standing for an accelerator (for comparing two spellings of one key). */
function eventOf(accelerator: string, platform: KeyPlatform) {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const has = (m: string) => parts.includes(m);
  const cmdOrCtrl = has('CmdOrCtrl') || has('CommandOrControl');
  const ctrl = has('Ctrl') || has('Control') || (cmdOrCtrl && platform !== 'mac');
  const meta = has('Cmd') || has('Command') || has('Meta') || (cmdOrCtrl && platform === 'mac');
  const code = /^[A-Za-z]$/.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : key;
  return { key: key === 'Space' ? ' ' : key.length === 1 ? key.toLowerCase() : key, code, ctrlKey: ctrl, metaKey: meta, altKey: has('Alt') || has('Option'), shiftKey: has('Shift') };
}

/** The settings from whatever the library holds: damaged or foreign values take the defaults, field by field. */
export function readPlayerSettings(stored: unknown, platform: KeyPlatform = 'other'): PlayerSettings {
  const whole = playerSettingsSchema.safeParse(stored);
  if (whole.success) {
    if (!whole.data.keys || !keyMapProblem(whole.data.keys, platform)) return whole.data;
    // A key map another platform's library accepted but this one refuses: the table's keys here.
    const { keys: _refused, ...steps } = whole.data;
    return steps;
  }
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const field = <K extends 'backMs' | 'forwardMs' | 'rewindMs'>(k: K) => {
    const parsed = playerSettingsSchema.shape[k].safeParse(value[k]);
    return parsed.success ? parsed.data : DEFAULT_PLAYER_SETTINGS[k];
  };
  return { backMs: field('backMs'), forwardMs: field('forwardMs'), rewindMs: field('rewindMs') };
}
