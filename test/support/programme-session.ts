// A standing collective-study session of the test organisation, for the programme store's tests on
// either engine; `over` changes what a case is about.
import type { SessionRecord } from '../../server/store/programme/records.ts';

export const session = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  kind: 'collective-study',
  topic: '学习两会精神',
  date: '2026-03-06',
  startsAt: '2026-03-06T14:30:00+08:00',
  endsAt: '2026-03-06T17:30:00+08:00',
  place: '三楼会议室',
  link: null,
  organiserId: 'org',
  materials: [],
  tariff: 'half-day',
  tariffReason: '',
  creditedHours: 4,
  creditRule: null,
  cancelled: null,
  unitIds: ['u'],
  code: 'AB3K7P',
  createdBy: 'admin',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});
