// Who made a change and why, as every audited store write takes it. Its own file so that the programme's
// store (store/programme/) can take it without importing the Store contract that includes that store.
/** Who did an administrative change and why; the store writes the audit entry in the same commit. */
export interface AuditContext {
  actor: { id: string; name: string };
  reason: string | null;
  /** Where the request came from (http/client-info.ts); left out by callers that have no request. */
  address?: string | null;
}
