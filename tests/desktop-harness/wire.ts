/**
 * How IPC payloads cross between the page and Node in the harness. Electron's IPC carries bytes
 * (structured clone); Playwright's bindings carry JSON-like values, so a Uint8Array travels as
 * `{ __bytes: <base64> }` and is turned back into one on the other side. Used on both sides.
 */
export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { __bytes: btoa(binary) };
  }
  if (Array.isArray(value)) return value.map(encodeWire);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeWire(v)]));
  return value;
}

export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.__bytes === 'string' && Object.keys(o).length === 1) return Uint8Array.from(atob(o.__bytes), (c) => c.charCodeAt(0));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeWire(v)]));
  }
  return value;
}

/** A page → main message. */
export type WireMessage = { kind: 'invoke' | 'send'; channel: string; args: unknown };
/** What an invoke resolves to on the page side. */
export type WireReply = { ok: true; value: unknown } | { ok: false; message: string };
