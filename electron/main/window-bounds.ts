/**
 * Where the window opens: where the user left it, if that place is still on a screen. Pure
 * arithmetic over the displays' work areas (the screen minus task bars and docks), so it is
 * tested without Electron; window.ts feeds it `screen.getAllDisplays()`.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** What is remembered between runs (window-state.json in the user data folder). */
export interface WindowState {
  /** The normal (not maximized) bounds. */
  bounds: Rect;
  maximized: boolean;
}

/** Bounds to create the window with: without x/y the window is centred on the primary display. */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Larger than any real screen setup: anything beyond is a corrupt file, not a window. */
const LIMIT = 100_000;

const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= LIMIT;
const isLength = (v: unknown): v is number => isCoordinate(v) && v > 0;

/** The remembered state, or null when the stored JSON is not one (missing, corrupt, edited). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isLength(width) || !isLength(height)) return null;
  return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** A length that fits the work area, and is at least `min` where the area allows it. */
const fit = (length: number, min: number, available: number) => Math.min(Math.max(length, min), available);

/**
 * The bounds to open the window with.
 * - Nothing remembered: the default size (fitted to the primary work area), centred.
 * - Remembered bounds on a display that still exists: on the display they overlap most, made
 *   to fit its work area and moved fully onto it (a window half off-screen is pulled back).
 * - Remembered bounds on no display (the monitor was unplugged, the resolution shrank): the
 *   remembered size, fitted to the primary work area, centred there.
 *
 * `workAreas[0]` is the primary display's.
 */
export function initialWindowBounds(saved: WindowState | null, workAreas: readonly Rect[], defaults: Size, min: Size): InitialBounds {
  const primary = workAreas[0];
  const size = saved?.bounds ?? defaults;
  const maximized = saved?.maximized ?? false;
  if (!primary) return { width: size.width, height: size.height, maximized };

  let best: Rect | null = null;
  let bestOverlap = 0;
  if (saved) {
    for (const area of workAreas) {
      const o = overlap(saved.bounds, area);
      if (o > bestOverlap) [best, bestOverlap] = [area, o];
    }
  }
  if (!saved || !best) {
    return { width: fit(size.width, min.width, primary.width), height: fit(size.height, min.height, primary.height), maximized };
  }
  const width = fit(saved.bounds.width, min.width, best.width);
  const height = fit(saved.bounds.height, min.height, best.height);
  return {
    x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
    y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
    width,
    height,
    maximized,
  };
}
