// Sync ops as journals written before issue 19 hold them: each page (resource, URL, title) named once per
// journal file, in the `pages` of the first op that used it, and rows referring to it by number. It
// halved a line's bytes, which no goal of the store needs (a line is fsynced whole either way, and at
// 200 syncs a second a journal still reaches the size that folds it into a snapshot only every few
// minutes), so lines are now written with each row naming its page. This reads the older lines, which
// a journal left by an earlier server (a crash before the upgrade) may hold, each file's numbers
// counted from its start.
import { SEGMENT_MODES } from '../../shared/schemas/domain.ts';
import type { CompactSyncOp, SegmentTuple, SyncOp } from './ops.ts';
import { pagePool } from './segment-table.ts';

export class JournalPageError extends Error {}

export class JournalPages {
  private readonly pool = pagePool();

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
