/**
 * The player's behaviour on a stand-in media element: play and pause, the rewind on resume, the
 * steps and their bounds, the speed along 0.5×–2× with the pitch kept, and seeks.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYER_SETTINGS, nextRate, PlayerStore, validSettings, type MediaLike } from '../../../../renderer/src/media/player-store';

class FakeMedia implements MediaLike {
  currentTime = 0;
  paused = true;
  playbackRate = 1;
  preservesPitch = false;
  plays = 0;
  constructor(public duration = 60) {}
  play(): Promise<void> {
    this.paused = false;
    this.plays++;
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
}

function loaded(settings = DEFAULT_PLAYER_SETTINGS) {
  const store = new PlayerStore(settings);
  const media = new FakeMedia();
  store.attach(media);
  return { store, media };
}

describe('PlayerStore', () => {
  it('starts with 3 s back, 5 s forward, 1 s rewind on resume', () => {
    expect(new PlayerStore().getSnapshot().settings).toEqual({ backMs: 3000, forwardMs: 5000, rewindMs: 1000 });
  });

  it('toggles play and pause; the first play starts where the recording is, a resume goes back 1 s', () => {
    const { store, media } = loaded();
    media.currentTime = 4;
    expect(store.toggle()).toBe('play');
    expect(media.currentTime).toBe(4);
    media.currentTime = 10;
    expect(store.toggle()).toBe('pause');
    expect(media.paused).toBe(true);
    expect(store.toggle()).toBe('play');
    expect(media.currentTime).toBe(9);
    expect(media.paused).toBe(false);
  });

  it('never rewinds before the start', () => {
    const { store, media } = loaded();
    store.play();
    media.currentTime = 0.4;
    store.pause();
    store.play();
    expect(media.currentTime).toBe(0);
  });

  it('a seek plays from exactly there, with no rewind, even after a pause', () => {
    const { store, media } = loaded();
    store.play();
    media.currentTime = 20;
    store.pause();
    store.seek(12_345);
    expect(media.currentTime).toBeCloseTo(12.345, 6);
    expect(media.paused).toBe(false);
  });

  it('steps back and forward within the recording', () => {
    const { store, media } = loaded();
    media.currentTime = 10;
    store.back();
    expect(media.currentTime).toBe(7);
    store.forward();
    expect(media.currentTime).toBe(12);
    media.currentTime = 1;
    store.back();
    expect(media.currentTime).toBe(0);
    media.currentTime = 58;
    store.forward();
    expect(media.currentTime).toBe(60);
  });

  it('uses the steps set, held within their bounds', () => {
    const { store, media } = loaded();
    store.setSettings({ backMs: 1500, forwardMs: 120_000, rewindMs: -3 });
    expect(store.getSnapshot().settings).toEqual({ backMs: 1500, forwardMs: 60_000, rewindMs: 0 });
    media.currentTime = 10;
    store.back();
    expect(media.currentTime).toBe(8.5);
    store.play();
    store.pause();
    store.play();
    expect(media.currentTime).toBe(8.5); // rewind 0: off
  });

  it('goes along the speeds 0.5 … 2 and stops at the ends, keeping the pitch', () => {
    const { store, media } = loaded();
    store.faster();
    expect(media.playbackRate).toBe(1.25);
    expect(media.preservesPitch).toBe(true);
    for (let i = 0; i < 10; i++) store.faster();
    expect(media.playbackRate).toBe(2);
    for (let i = 0; i < 10; i++) store.slower();
    expect(media.playbackRate).toBe(0.5);
    expect(store.getSnapshot().rate).toBe(0.5);
  });

  it('gives a recording loaded later the speed chosen, and plays a seek asked before it loaded', () => {
    const store = new PlayerStore();
    store.faster();
    store.seek(5000);
    const media = new FakeMedia();
    store.attach(media);
    expect(media.playbackRate).toBe(1.25);
    expect(media.preservesPitch).toBe(true);
    expect(media.currentTime).toBe(5);
    expect(media.paused).toBe(false);
  });

  it('does nothing and reports no position with nothing loaded', () => {
    const store = new PlayerStore();
    expect(store.toggle()).toBeNull();
    expect(store.currentMs()).toBeNull();
    store.back();
    store.forward();
  });

  it('follow is a toggle that notifies', () => {
    const store = new PlayerStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.toggleFollow();
    expect(store.getSnapshot().follow).toBe(true);
    store.setFollow(true);
    expect(calls).toBe(1);
  });
});

describe('validSettings', () => {
  it('takes the default for what is not a number, the bound for what is out of range', () => {
    expect(validSettings({ backMs: 'x', forwardMs: NaN, rewindMs: 99_999 })).toEqual({ backMs: 3000, forwardMs: 5000, rewindMs: 10_000 });
    expect(validSettings({ backMs: 100 })).toMatchObject({ backMs: 500 });
  });
});

describe('nextRate', () => {
  it('steps along 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2; a rate between steps goes to the next one that way', () => {
    expect(nextRate(1, 1)).toBe(1.25);
    expect(nextRate(1, -1)).toBe(0.75);
    expect(nextRate(1.1, 1)).toBe(1.25);
    expect(nextRate(1.1, -1)).toBe(1);
    expect(nextRate(2, 1)).toBe(2);
    expect(nextRate(0.5, -1)).toBe(0.5);
  });
});
