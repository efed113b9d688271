/**
 * Code that runs inside the measured page (passed to Playwright's addInitScript/evaluate, so each
 * function is self-contained: no imports, no closures over this module). The same probes measure
 * the app and the plain contenteditable baseline.
 */

export interface KeySample {
  /** The keydown event's timeStamp: when Chromium received the key (before any queueing behind other tasks). */
  eventTime: number;
  /** performance.now() in a capture-phase keydown listener: the start of the measured latency. */
  keydown: number;
  /** First DOM mutation after the keydown (MutationObserver callback). */
  mutation: number;
  /** The first animation frame callback after that mutation. */
  raf: number;
  /** A task posted from that frame callback: runs once the frame's style, layout and paint are done. */
  frame: number;
}

export interface TypingProbe {
  count(): number;
  /** Resolves once `n` samples are complete; rejects after `timeoutMs`. */
  whenCount(n: number, timeoutMs: number): Promise<void>;
  take(): KeySample[];
}

export interface SaveCall {
  /** When the app called fetch (the request body was serialised just before, in the same task). */
  start: number;
  /** How long the fetch call itself held the main thread (handing the body to the network stack). */
  handoff: number;
  end: number;
  /** The request: its channel (document.save or document.saveChanges) and body length in characters. */
  channel: string;
  bodyChars: number;
}

declare global {
  interface Window {
    __benchReady?: number;
    __benchTyping?: TypingProbe;
    __benchSaves?: SaveCall[];
  }
}

/**
 * Load-to-interactive (installed before navigation): the time when, after `count` paragraphs
 * (`selector`) are in the DOM, one animation frame fired and a task posted from it ran, i.e. the
 * frame that shows them was styled, laid out and painted. Stored in `window.__benchReady`
 * (ms since navigation start).
 */
export function installReadyProbe({ selector, count }: { selector: string; count: number }): void {
  const check = () => {
    if (document.querySelectorAll(selector).length >= count) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__benchReady = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    } else {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
}

/**
 * Typing latency by MutationObserver + requestAnimationFrame (the Event Timing API is unreliable
 * in headless Chromium): keydown → first DOM mutation → next frame callback → a task posted from it.
 */
export function installTypingProbe(): void {
  const samples: KeySample[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let current: { eventTime: number; keydown: number; mutation: number | null } | null = null;

  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (samples.length >= waiters[i]!.n) {
        waiters[i]!.resolve();
        waiters.splice(i, 1);
      }
    }
  };
  window.addEventListener('keydown', (event) => (current = { eventTime: event.timeStamp, keydown: performance.now(), mutation: null }), true);
  new MutationObserver(() => {
    const key = current;
    if (key === null || key.mutation !== null) return;
    key.mutation = performance.now();
    requestAnimationFrame(() => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        samples.push({ eventTime: key.eventTime, keydown: key.keydown, mutation: key.mutation!, raf, frame: performance.now() });
        channel.port1.close();
        settle();
      };
      channel.port2.postMessage(null);
    });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });

  window.__benchTyping = {
    count: () => samples.length,
    whenCount: (n, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no DOM change for key ${n} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
        settle();
      }),
    take: () => samples.splice(0),
  };
}

/** Record when the app sends each autosave (`/api/document.save`) and when its answer arrived. */
export function installSaveRecorder(): void {
  const saves: SaveCall[] = [];
  window.__benchSaves = saves;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/document.save')) return originalFetch(input, init);
    const call = { start: performance.now(), handoff: Number.NaN, end: Number.NaN, channel: url.slice(url.lastIndexOf('/') + 1), bodyChars: typeof init?.body === 'string' ? init.body.length : -1 };
    saves.push(call);
    const pending = originalFetch(input, init);
    call.handoff = performance.now() - call.start;
    const response = await pending;
    await response.clone().arrayBuffer(); // the answer fully received
    call.end = performance.now();
    return response;
  };
}

export type CaretPosition = 'start' | 'middle' | 'end';

/**
 * Put the caret into paragraph `index` of the editor (`paragraphs` selects them in order): at its
 * start, after the word nearest its middle, or at its end. The paragraph is scrolled into view
 * first, as a user would, then the editor focused and a DOM selection made; Slate picks it up from
 * `selectionchange`. Returns the text before and after the caret, to check the typing afterwards.
 */
export function placeCaret({ editor, paragraphs, index, position }: { editor: string; paragraphs: string; index: number; position: CaretPosition }): { before: string; after: string } {
  const root = document.querySelector<HTMLElement>(editor);
  const paragraph = document.querySelectorAll<HTMLElement>(paragraphs)[index];
  if (!root || !paragraph) throw new Error(`paragraph ${index} not found`);
  paragraph.scrollIntoView({ block: 'center' });
  root.focus({ preventScroll: true });
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data !== '' && !node.parentElement?.closest('[contenteditable=false]')) texts.push(node as Text);
  if (texts.length === 0) throw new Error(`paragraph ${index} has no text`);
  // A paragraph may be split into several text nodes (marks, decorations): pick the node by position.
  let node = texts[0]!;
  let offset = 0;
  if (position === 'end') {
    node = texts[texts.length - 1]!;
    offset = node.data.length;
  } else if (position === 'middle') {
    const full = paragraph.textContent ?? '';
    const target = full.indexOf(' ', Math.floor(full.length / 2)) + 1;
    let seen = 0;
    for (const t of texts) {
      if (seen + t.data.length >= target) {
        node = t;
        offset = target - seen;
        break;
      }
      seen += t.data.length;
    }
  }
  window.getSelection()!.collapse(node, offset);
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  range.setEnd(node, offset);
  const before = range.toString();
  return { before, after: (paragraph.textContent ?? '').slice(before.length) };
}

/** The text of paragraph `index`. */
export function paragraphText({ paragraphs, index }: { paragraphs: string; index: number }): string {
  return document.querySelectorAll(paragraphs)[index]?.textContent ?? '';
}
