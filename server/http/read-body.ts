// Reads a request body as text, refusing more than `maxBytes` with 413 whether the size was declared
// or not. Reads Node's request stream directly when there is one: building a web Request and stream
// for every upload is a large share of a sync request's cost.
import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError } from './api-error.ts';

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, ERROR_CODES.bodyTooLarge, `The request body is larger than ${maxBytes} bytes`);
}

export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  };
  if (incoming && !incoming.readableEnded) {
    try {
      for await (const chunk of incoming) take(chunk as Buffer);
    } catch (err) {
      // Stop reading but keep the socket: the 413 must still reach the client.
      incoming.pause();
      throw err;
    }
  } else if (c.req.raw.body) {
    // No Node request (app.request in tests): the web stream, with the same limit.
    const reader = c.req.raw.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      try {
        take(r.value);
      } catch (err) {
        await reader.cancel();
        throw err;
      }
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
