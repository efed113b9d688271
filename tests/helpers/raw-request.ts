/**
 * An HTTP request to a local server exactly as given: no client sets or fixes any header, so a test
 * can send the Host, Origin or body an attacker would.
 */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** `Host` is the server's own unless `headers` names another. */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<RawResponse> {
  return new Promise((resolveReq, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveReq({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
