// Sync ops as one journal file holds them. A sync's segments mostly come from pages it or an earlier
// sync already named, so each page (resource, URL, title) is written out once per journal file, in
// the `pages` of the first op that uses it, and rows refer to it by number; a row is then an id and
// five numbers, half the bytes of one naming its page. Fewer bytes are fewer to encode, checksum and
// write on every sync, and the journal reaches the size that triggers a snapshot half as often.
//
// The numbers belong to the file: a fresh journal (after a snapshot) starts again from 0, and reading
// a file rebuilds them line by line, so an appended line is read as it was written.
import { SEGMENT_MODES } from '../../shared/schemas/domain.ts';
import type { CompactSyncOp, SegmentTuple, SyncOp } from './ops.ts';
import { pagePool } from './segment-table.ts';

export class JournalPageError extends Error {}

export class JournalPages {
  private readonly pool = pagePool();

  /** The op as this journal file writes it, naming the pages it is the first to use. */
  encode(op: SyncOp): CompactSyncOp {
    const pages: CompactSyncOp['pages'] = [];
    const rows: CompactSyncOp['rows'] = [];
    for (const [packedId, resourceId, url, title, startMs, endMs, mode, policyVersion] of op.segments) {
      const known = this.pool.items.length;
      const page = this.pool.intern({ resourceId, url, title });
      if (page === known) pages.push([page, resourceId, url, title]);
      rows.push([packedId, page, startMs, endMs - startMs, SEGMENT_MODES.indexOf(mode), policyVersion]);
    }
    const { personId, deviceId, receivedMs, refused, notes } = op;
    return { type: 'sync', personId, deviceId, receivedMs, pages, rows, refused, notes };
  }

  /** The op a line of this file holds; throws JournalPageError when it names pages out of turn or uses one never named. */
  decode(op: CompactSyncOp): SyncOp {
    for (const [page, resourceId, url, title] of op.pages) {
      if (page !== this.pool.items.length) throw new JournalPageError(`page ${page} named where page ${this.pool.items.length} was due`);
      if (this.pool.intern({ resourceId, url, title }) !== page) throw new JournalPageError(`page ${page} names a page named before`);
    }
    const segments = op.rows.map(([packedId, page, startMs, durationMs, mode, policyVersion]): SegmentTuple => {
      const named = this.pool.items[page];
      if (!named) throw new JournalPageError(`a row uses page ${page}, which no earlier line names`);
      return [packedId, named.resourceId, named.url, named.title, startMs, startMs + durationMs, SEGMENT_MODES[mode]!, policyVersion];
    });
    const { personId, deviceId, receivedMs, refused, notes } = op;
    return { type: 'sync', personId, deviceId, receivedMs, segments, refused, notes };
  }
}
