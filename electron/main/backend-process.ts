/**
 * The main process's side of the backend process (electron/backend-process/): the library and every
 * API handler run there, so main only routes messages and keeps its event loop for windows, menus
 * and dialogs. This module decides the protocol's life and imports nothing from Electron at run
 * time (the child is injected: `utilityProcess.fork` in backend-fork.ts, a fake in the unit tests).
 *
 * - Start: the child is told which library to open; requests made before it is open wait, in
 *   order, and go out once it says `ready`. If it cannot open the library (`failed`), every
 *   request is answered `unavailable` and `onOpenFailed` tells the user why.
 * - A crash (the child exits while in use): the requests it had not answered get `unavailable`,
 *   which the autosaver keeps and sends again under the same save id (a save that did land is not
 *   stored twice); a new child opens the library (SQLite's WAL makes every committed save
 *   durable, and the dead child's folder lock is taken over: data-dir-lock.ts) and waiting
 *   requests go to it. After MAX_CRASHES within CRASH_WINDOW_MS it is not started again.
 * - Quit: `close` asks the child to finish what it is doing and close the database, then ends it;
 *   a child that does not answer within the time limit is ended anyway (SQLite's WAL keeps every
 *   committed transaction; an unfinished one is rolled back).
 */
import type { Result } from '../../shared/api/result';
import { isBackendMessage, type BackendAnswers, type BackendRequest } from '../backend-process/protocol';
import type { Recording } from '../../shared/model/schema';
import type { MediaRow } from '../backend/media/media-table';
import type { StoredMedia } from '../backend/media/store-media';
import type { AssetResponse } from '../backend/serving/asset-response';
import { SECURITY_HEADERS } from '../backend/serving/security-headers';

/** A started backend process, as main drives it. */
export interface BackendChild {
  post(message: BackendRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface BackendProcessOptions {
  dataDir: string;
  fork: () => BackendChild;
  /** The library cannot be opened (another process holds it, the folder cannot be written…). */
  onOpenFailed: (message: string) => void;
  /** The child ended unexpectedly; `restarting` is false once it crashed too often to try again. */
  onCrash: (restarting: boolean) => void;
  /** How long quitting waits for the database to close. */
  closeTimeoutMs?: number;
  now?: () => number;
  startTimer?: (ms: number, onTimeout: () => void) => () => void;
}

export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;
const CLOSE_TIMEOUT_MS = 5_000;

type Question =
  | { kind: 'call'; channel: string; input: unknown }
  | { kind: 'asset'; path: string }
  | { kind: 'mediaFind'; mediaId: string }
  | { kind: 'mediaRegister'; stored: StoredMedia; name: string }
  | { kind: 'close' };
type AnswerOf<Q extends Question> = BackendAnswers[Q['kind']];

interface Waiting {
  question: Question;
  answer: (value: unknown) => void;
}

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'unavailable', message } });
const CRASHED = 'The library stopped unexpectedly and is being reopened; this request was not answered. Try again in a moment.';
const GONE = 'The library stopped working and could not be reopened. Quit Interview Desk and start it again; everything saved is kept.';
const CLOSED = 'Interview Desk is quitting: the library is closed.';
const NO_ASSET: AssetResponse = { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };

type State = { kind: 'starting' } | { kind: 'ready' } | { kind: 'failed'; message: string } | { kind: 'closing' } | { kind: 'closed' };

export class BackendProcess {
  private child: BackendChild | null = null;
  private state: State = { kind: 'closed' };
  /** Asked before the child was ready: sent, in order, once it is. */
  private queue: Waiting[] = [];
  /** Sent to the child, not answered yet. */
  private readonly sent = new Map<number, Waiting>();
  private nextId = 1;
  private crashes: number[] = [];
  private closing: Promise<void> | null = null;

  constructor(private readonly options: BackendProcessOptions) {}

  start(): void {
    this.state = { kind: 'starting' };
    const child = this.options.fork();
    this.child = child;
    child.onMessage((message) => this.received(child, message));
    child.onExit(() => this.exited(child));
    child.post({ kind: 'open', dataDir: this.options.dataDir });
  }

  /** One API call, answered by the backend's `dispatch` (or `unavailable` when it cannot be). */
  call(channel: string, input: unknown): Promise<Result<unknown>> {
    return this.ask({ kind: 'call', channel, input });
  }

  /** A stored image for app://bundle/asset/<sha-256>. */
  asset(path: string): Promise<AssetResponse> {
    return this.ask({ kind: 'asset', path });
  }

  /** What the library's `media` table says of a recording (null: unknown, or the library is not open). */
  findMedia(mediaId: string): Promise<MediaRow | null> {
    return this.ask({ kind: 'mediaFind', mediaId });
  }

  /** List a recording main has just stored in the media folder. */
  registerMedia(stored: StoredMedia, name: string): Promise<Result<Recording>> {
    return this.ask({ kind: 'mediaRegister', stored, name });
  }

  /**
   * Close the library and end the child (quitting). Resolves once the child is gone; asked again
   * meanwhile (a second quit), it answers with the same wait, never earlier.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    const child = this.child;
    const wasReady = this.state.kind === 'ready';
    this.state = { kind: 'closing' };
    for (const waiting of this.queue.splice(0)) waiting.answer(failureFor(waiting.question, CLOSED));
    if (child && wasReady) {
      await new Promise<void>((resolve) => {
        const stop = (this.options.startTimer ?? defaultTimer)(this.options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS, resolve);
        this.send(child, { question: { kind: 'close' }, answer: () => (stop(), resolve()) });
      });
    }
    this.state = { kind: 'closed' };
    this.child = null;
    this.failSent(CLOSED);
    child?.kill();
  }

  private ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>> {
    return new Promise((resolve) => {
      const waiting: Waiting = { question, answer: resolve as (value: unknown) => void };
      const state = this.state;
      if (state.kind === 'ready' && this.child) this.send(this.child, waiting);
      else if (state.kind === 'starting') this.queue.push(waiting);
      else waiting.answer(failureFor(question, state.kind === 'failed' ? state.message : CLOSED));
    });
  }

  private send(child: BackendChild, waiting: Waiting): void {
    const id = this.nextId++;
    this.sent.set(id, waiting);
    child.post({ ...waiting.question, id });
  }

  private received(child: BackendChild, message: unknown): void {
    if (child !== this.child || !isBackendMessage(message)) return;
    if (message.kind === 'reply') {
      const waiting = this.sent.get(message.id);
      this.sent.delete(message.id);
      waiting?.answer(message.value);
    } else if (message.kind === 'ready' && this.state.kind === 'starting') {
      this.state = { kind: 'ready' };
      for (const waiting of this.queue.splice(0)) this.send(child, waiting);
    } else if (message.kind === 'failed' && this.state.kind === 'starting') {
      this.state = { kind: 'failed', message: message.message };
      for (const waiting of this.queue.splice(0)) waiting.answer(failureFor(waiting.question, message.message));
      this.options.onOpenFailed(message.message);
    }
  }

  private exited(child: BackendChild): void {
    if (child !== this.child) return;
    this.child = null;
    if (this.state.kind === 'closing' || this.state.kind === 'closed') {
      this.failSent(CLOSED); // a close still waiting for its answer is done: the child is gone
      return;
    }
    if (this.state.kind === 'failed') {
      this.state = { kind: 'closed' };
      return;
    }
    this.failSent(CRASHED);
    const now = (this.options.now ?? Date.now)();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const restarting = this.crashes.length < MAX_CRASHES;
    if (restarting) {
      this.start(); // the queue waits for the new child
    } else {
      this.state = { kind: 'failed', message: GONE };
      for (const waiting of this.queue.splice(0)) waiting.answer(failureFor(waiting.question, GONE));
    }
    this.options.onCrash(restarting);
  }

  private failSent(message: string): void {
    const lost = [...this.sent.values()];
    this.sent.clear();
    for (const waiting of lost) waiting.answer(failureFor(waiting.question, message));
  }
}

function failureFor(question: Question, message: string): unknown {
  switch (question.kind) {
    case 'call':
    case 'mediaRegister':
      return unavailable(message);
    case 'asset':
      return NO_ASSET;
    case 'mediaFind':
    case 'close':
      return null;
  }
}

function defaultTimer(ms: number, onTimeout: () => void): () => void {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
}
