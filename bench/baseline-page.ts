/**
 * The baseline: a plain `contenteditable` page holding the same paragraphs, served by the bench.
 * It is built like the app opens a document (fetch the text, then put it in the DOM), with the
 * editor's font, width and margins, and the focus ring off as in the app (Chromium repaints a focus
 * ring around a large editor on every key, which made each key ~10× as costly). No framework, no JS on the
 * typing path: what Chromium's own editing costs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const HTML = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>plain contenteditable</title><link rel="stylesheet" href="/page.css"></head>
<body><main><div id="editor" contenteditable="true" spellcheck="true" aria-label="Plain editor"></div></main><script src="/page.js"></script></body></html>`;

const CSS = `
html, body { margin: 0; background: #fbfaf7; color: #1f2328; font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 780px; margin: 0 auto; padding: 24px 20px 80px; }
#editor { font: 17px/1.65 'Noto Serif', 'Source Serif 4', Georgia, 'Times New Roman', serif; min-height: 240px; padding: 4px 2px; }
#editor:focus, #editor:focus-visible { outline: none; }
#editor p { margin: 0 0 0.7em; }
`;

const JS = `
fetch('/text.json' + location.search).then((r) => r.json()).then((paragraphs) => {
  const editor = document.getElementById('editor');
  const fragment = document.createDocumentFragment();
  for (const text of paragraphs) {
    const p = document.createElement('p');
    p.textContent = text;
    fragment.append(p);
  }
  editor.append(fragment);
});
`;

export const BASELINE_EDITOR = '#editor';
export const BASELINE_PARAGRAPHS = '#editor p';

export interface BaselineServer {
  /** The page showing the paragraphs registered under `key`. */
  urlFor(key: string): string;
  close(): Promise<void>;
}

/** Serve the baseline page on 127.0.0.1 for each set of paragraphs (`?doc=<key>`). */
export async function startBaselineServer(texts: ReadonlyMap<string, readonly string[]>): Promise<BaselineServer> {
  const bodies = new Map([...texts].map(([key, paragraphs]) => [key, JSON.stringify(paragraphs)]));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string) => {
      res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html', HTML);
    if (url.pathname === '/page.css') return send('text/css', CSS);
    if (url.pathname === '/page.js') return send('text/javascript', JS);
    const body = bodies.get(url.searchParams.get('doc') ?? '');
    if (url.pathname === '/text.json' && body !== undefined) return send('application/json', body);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (key) => `http://127.0.0.1:${port}/?doc=${encodeURIComponent(key)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
