/**
 * Browser mode: serve the built renderer and the API handlers on 127.0.0.1. It is what the e2e
 * tests drive and what a user without the desktop build runs. Same CSP as the desktop app.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerContext } from '../backend/context';
import { dispatch } from '../backend/dispatch';
import { assetResponse, isAssetPath } from '../backend/serving/asset-response';
import { findMedia, registerMedia } from '../backend/media/media-table';
import { isMediaPath, mediaIdOf, mediaResponse } from '../backend/serving/media-response';
import { mediaUpload } from '../backend/serving/media-upload';
import { SECURITY_HEADERS } from '../backend/serving/security-headers';
import { contentTypeFor, resolveStaticPath } from '../backend/serving/static-files';

export interface WebHostOptions {
  ctx: HandlerContext;
  rendererDir: string;
  port: number;
  /** Largest accepted request body. Images travel as JSON later, hence the generous cap. */
  maxBodyBytes?: number;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

function errorLine(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** The request's URL, or null when it cannot be read as one (the client gets 400, not 500). */
function parseRequestUrl(path: string, origin: string): URL | null {
  try {
    return new URL(path, origin);
  } catch {
    return null;
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const maxBody = options.maxBodyBytes ?? 80 * 1024 * 1024;
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // One line, no stack: a request the host did not foresee must not fill the log with
      // internals. INTERVIEW_DESK_DEBUG=1 prints the whole error while developing.
      console.error(`[interview-desk] web host error on ${req.method ?? '?'} ${(req.url ?? '').slice(0, 200)}: ${errorLine(err)}`);
      if (process.env.INTERVIEW_DESK_DEBUG) console.error(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  /** A channel name arrives %-escaped; a malformed escape is a bad request, answered like any other. */
  async function dispatchTo(escapedChannel: string, input: unknown) {
    let channel: string;
    try {
      channel = decodeURIComponent(escapedChannel);
    } catch {
      return { ok: false, error: { code: 'invalid_input', message: 'The request names no valid API channel.' } };
    }
    return dispatch(channel, input, options.ctx);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only our own origin may talk to us: this blocks DNS rebinding (foreign Host header) and
    // cross-site requests from other pages the user has open (foreign Origin).
    const host = req.headers.host ?? '';
    if (!isLoopbackHost(host, port())) return send(res, 421, 'text/plain; charset=utf-8', 'Misdirected request');
    const url = parseRequestUrl(req.url ?? '/', origin);
    if (url === null) return send(res, 400, 'text/plain; charset=utf-8', 'Bad request');

    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== `http://${host}`) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'Expected application/json');
      const body = await readBody(req, maxBody);
      let result;
      if (body === null) {
        result = { ok: false, error: { code: 'invalid_input', message: `The request is larger than ${Math.round(maxBody / 1048576)} MB.` } };
      } else {
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          input = undefined;
        }
        result =
          input === undefined
            ? { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } }
            : await dispatchTo(url.pathname.slice(API_PREFIX.length), input);
      }
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result), { 'Cache-Control': 'no-store' });
    }

    if (isMediaPath(url.pathname) || url.pathname === '/media') return handleMedia(req, res, url.pathname, host);

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
    if (isAssetPath(url.pathname)) {
      const asset = assetResponse(options.ctx, url.pathname);
      return send(res, asset.status, asset.headers['Content-Type']!, req.method === 'HEAD' ? '' : asset.body, asset.headers);
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    const immutable = url.pathname.startsWith('/assets/');
    return send(res, 200, contentTypeFor(file), req.method === 'HEAD' ? '' : bytes, {
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }

  /**
   * Recordings: `GET media/<id>` with byte ranges, streamed from the file; `POST media` stores one,
   * under the same origin rules as the API's POSTs (plus the X-File-Name header, which a cross-site
   * page cannot send without a CORS preflight this host never grants).
   */
  async function handleMedia(req: IncomingMessage, res: ServerResponse, path: string, host: string): Promise<void> {
    const library = options.ctx.library;
    if (!library || library.damage) return send(res, 503, 'text/plain; charset=utf-8', 'The library is not open');
    if (path === '/media') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'POST' });
      if (req.headers.origin !== undefined && req.headers.origin !== `http://${host}`) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
      const fileName = req.headers['x-file-name'];
      const answer = await mediaUpload(
        library.dataDir,
        // Not destroyed when the store stops early (a file that is not a recording): the refusal
        // must still reach the page, so the rest of the body is drained below instead.
        { fileName: typeof fileName === 'string' ? fileName : null, body: req.iterator({ destroyOnReturn: false }) },
        (stored, name) => registerMedia(options.ctx.db, stored, name, options.ctx.now()),
      );
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      req.resume();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
    const media = mediaResponse(library.dataDir, findMedia(options.ctx.db, mediaIdOf(path)), req.headers.range);
    res.writeHead(media.status, media.headers);
    if (req.method === 'HEAD' || !media.file) return void res.end(media.file ? undefined : media.text);
    const stream = createReadStream(media.file.path, { start: media.file.span.start, end: media.file.span.end });
    stream.on('error', () => res.destroy());
    // A seek aborts the request in flight: stop reading the file with it.
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  const port = () => (server.address() as AddressInfo).port;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolveListen());
  });
  origin = `http://127.0.0.1:${port()}`;

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function isLoopbackHost(host: string, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  res.end(body);
}

/** The whole body, or null once it exceeds `limit` (the rest is discarded, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
