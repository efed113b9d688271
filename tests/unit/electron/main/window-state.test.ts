/**
 * The window opens where it was left, if that is still on a screen (window-bounds.ts), and the
 * state file survives corruption (window-state-store.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialWindowBounds, parseWindowState, type Rect, type WindowState } from '../../../../electron/main/window-bounds';
import { loadWindowState, saveWindowState, windowStateFile } from '../../../../electron/main/window-state-store';

const DEFAULTS = { width: 1200, height: 860 };
const MIN = { width: 480, height: 400 };
// A laptop (primary, with a 32 px top bar) and a larger monitor to its right.
const LAPTOP: Rect = { x: 0, y: 32, width: 1440, height: 868 };
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

const state = (x: number, y: number, width: number, height: number, maximized = false): WindowState => ({ bounds: { x, y, width, height }, maximized });

describe('initial window bounds', () => {
  it('first run: the default size, centred (no position) on the primary display', () => {
    expect(initialWindowBounds(null, [LAPTOP, MONITOR], DEFAULTS, MIN)).toEqual({ width: 1200, height: 860, maximized: false });
  });

  it('restores bounds that are fully on a display, unchanged', () => {
    expect(initialWindowBounds(state(1600, 100, 1800, 1100), [LAPTOP, MONITOR], DEFAULTS, MIN)).toEqual({ x: 1600, y: 100, width: 1800, height: 1100, maximized: false });
  });

  it('pulls a window that hangs off the edge back onto the display it mostly covers', () => {
    // Mostly on the monitor, its right part beyond the monitor's edge.
    expect(initialWindowBounds(state(3000, 900, 1200, 800), [LAPTOP, MONITOR], DEFAULTS, MIN)).toEqual({ x: 2800, y: 600, width: 1200, height: 800, maximized: false });
    // Above the laptop's top bar.
    expect(initialWindowBounds(state(100, -200, 1000, 700), [LAPTOP, MONITOR], DEFAULTS, MIN)).toMatchObject({ x: 100, y: 32 });
  });

  it('shrinks a window larger than the work area it is on', () => {
    expect(initialWindowBounds(state(10, 40, 3000, 2000), [LAPTOP], DEFAULTS, MIN)).toEqual({ x: 0, y: 32, width: 1440, height: 868, maximized: false });
    // Spanning both displays: it goes to the one it covers most (the monitor), fitted to it.
    expect(initialWindowBounds(state(10, 40, 3000, 2000), [LAPTOP, MONITOR], DEFAULTS, MIN)).toEqual({ x: 1440, y: 0, width: 2560, height: 1400, maximized: false });
  });

  it('monitor removed: the remembered size on the primary display, centred', () => {
    const onRemovedMonitor = state(1600, 100, 1800, 1100, true);
    expect(initialWindowBounds(onRemovedMonitor, [LAPTOP], DEFAULTS, MIN)).toEqual({ width: 1440, height: 868, maximized: true });
    expect(initialWindowBounds(state(-5000, -5000, 900, 700), [LAPTOP], DEFAULTS, MIN)).toEqual({ width: 900, height: 700, maximized: false });
  });

  it('never makes a window smaller than the minimum where the screen has room, and never larger than the screen', () => {
    expect(initialWindowBounds(state(100, 100, 50, 50), [LAPTOP], DEFAULTS, MIN)).toEqual({ x: 100, y: 100, width: 480, height: 400, maximized: false });
    const tiny: Rect = { x: 0, y: 0, width: 400, height: 300 };
    expect(initialWindowBounds(state(0, 0, 1000, 1000), [tiny], DEFAULTS, MIN)).toEqual({ x: 0, y: 0, width: 400, height: 300, maximized: false });
  });

  it('a window touching a display only along an edge does not count as on it', () => {
    // Right edge exactly at the laptop's left edge (x = 0): no overlap, so back to the primary, centred.
    expect(initialWindowBounds(state(-800, 100, 800, 600), [LAPTOP, MONITOR], DEFAULTS, MIN)).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1040 };
    expect(initialWindowBounds(state(-1800, -100, 1000, 800), [LAPTOP, left], DEFAULTS, MIN)).toEqual({ x: -1800, y: -100, width: 1000, height: 800, maximized: false });
  });

  it('no displays reported: the remembered size, no position', () => {
    expect(initialWindowBounds(state(10, 10, 900, 700), [], DEFAULTS, MIN)).toEqual({ width: 900, height: 700, maximized: false });
  });
});

describe('window state file', () => {
  it('reads back what it wrote', () => {
    const file = windowStateFile(mkdtempSync(join(tmpdir(), 'window-state-')));
    expect(loadWindowState(file)).toBeNull();
    expect(saveWindowState(file, state(10, 20, 1000, 700, true))).toBe(true);
    expect(loadWindowState(file)).toEqual(state(10, 20, 1000, 700, true));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state(10, 20, 1000, 700, true));
  });

  it('treats a corrupt or edited file as nothing remembered', () => {
    const file = windowStateFile(mkdtempSync(join(tmpdir(), 'window-state-')));
    for (const text of ['{', '[]', 'null', '{"bounds":{"x":0,"y":0,"width":-5,"height":100}}', '{"bounds":{"x":"0","y":0,"width":5,"height":100}}', '{"bounds":{"x":1e9,"y":0,"width":500,"height":400}}']) {
      writeFileSync(file, text);
      expect(loadWindowState(file), text).toBeNull();
    }
  });

  it('rounds fractional bounds (high-DPI scaling) and reads a missing flag as not maximized', () => {
    expect(parseWindowState({ bounds: { x: 10.4, y: 20.6, width: 999.5, height: 700 } })).toEqual(state(10, 21, 1000, 700, false));
  });

  it('reports, rather than throws, when it cannot write', () => {
    expect(saveWindowState(join(tmpdir(), 'no-such-folder-for-window-state', 'window-state.json'), state(0, 0, 500, 400))).toBe(false);
  });
});
