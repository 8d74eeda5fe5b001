// What a receiver of the extension's messages answers, whatever the request: the value, or a failure by
// code for the page to explain in its language. Below messaging/ (which joins every folder's requests into
// the background's one protocol), so the folders whose handlers it joins throw and read these too.
export const FAILURE_CODES = [
  'invalid_server', // not an http(s) URL
  'managed_server', // not the server the organisation's policy sets
  'bad_credentials',
  'unreachable', // no answer from the server
  'server_error', // an answer, but not a usable one
  'invalid_request', // a malformed message (a bug in the caller)
  'signed_out', // the request needs a signed-in person
  'not_found', // no such item (a note deleted on another device, say)
  'forbidden', // a request from a sender that may not make it
  'internal', // a bug in the background
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A failure the background reports to the page by code, for the page to explain in its language. */
export class BackgroundFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'BackgroundFailure';
  }
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: FailureCode; readonly message: string };

/** The value of a reply, or its failure thrown again (for callers that let failures propagate). */
export async function replyValue<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new BackgroundFailure(r.code, r.message);
  return r.value;
}
