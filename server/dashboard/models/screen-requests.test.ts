// The requests the screens' models make for them (components only render): which endpoints, with what,
// and what the combined loads hand the component.
import { describe, expect, it } from 'vitest';
import type { Api } from '../api/endpoints.ts';
import { loadPeopleAndUnits } from './directory.ts';
import { loadReviewLists, reviewNote, reviewNotes } from './notes-review-page.ts';
import { unitXapiLoader } from './overview-page.ts';
import { loadPersonSegments, personDataLoaders, revokeDevice } from './person-page.ts';
import { markAllPresent } from './programme/programme-model.ts';
import { loadOrganisationSummary } from './programme/report-pages.ts';
import { fields, recordingApi } from './recording-api.test-support.ts';

const RANGE = { from: '2026-03-01', to: '2026-03-31', period: 'month' } as never;

describe('the screens’ loads', () => {
  it('ask for people, units and resources together', async () => {
    const { api, calls } = recordingApi();
    expect(await loadPeopleAndUnits(api)).toEqual({ people: { answeredBy: 'people' }, units: { answeredBy: 'units' } });
    await loadReviewLists(api);
    expect(calls.map((c) => c.endpoint)).toEqual(['people', 'units', 'people', 'units', 'resources']);
  });

  it('name each record’s resource, and leave a deleted one without a name', async () => {
    const api = {
      personSegments: (personId: string, range: unknown) => Promise.resolve([{ personId, range }]),
      resources: () => Promise.resolve([{ id: 'r1', name: '学习强国' }]),
    } as unknown as Api;
    const { segments, names } = await loadPersonSegments(api, 'p1', RANGE);
    expect(segments).toEqual([{ personId: 'p1', range: { from: '2026-03-01', to: '2026-03-31' } }]);
    expect(names.get('r1')).toBe('学习强国');
    expect(names.get('deleted')).toBeUndefined();
  });

  it('ask for the organisation’s summary without a unit when none is chosen, and for the unit otherwise', async () => {
    const { api, calls } = recordingApi();
    await loadOrganisationSummary(api, 2026, '');
    await loadOrganisationSummary(api, 2026, 'u1');
    expect(calls.filter((c) => c.endpoint === 'programme.organisationSummary').map((c) => c.args)).toEqual([
      [2026, undefined],
      [2026, 'u1'],
    ]);
  });

  it('load downloads only when asked, with the range’s dates alone', async () => {
    const { api, calls } = recordingApi();
    const unitXapi = unitXapiLoader(api, 'u1', RANGE);
    const person = personDataLoaders(api, { id: 'p1' } as never, RANGE);
    expect(calls).toEqual([]);
    await unitXapi();
    await person.everything();
    await person.xapi();
    expect(calls).toEqual([
      { endpoint: 'unitXapi', args: ['u1', { from: '2026-03-01', to: '2026-03-31' }] },
      { endpoint: 'personalExport', args: ['p1'] },
      { endpoint: 'personXapi', args: ['p1', { from: '2026-03-01', to: '2026-03-31' }] },
    ]);
  });
});

describe('the screens’ actions', () => {
  it('mark everyone not yet recorded present, one after another', async () => {
    const { api, calls } = recordingApi();
    await markAllPresent(api, 's1', [{ personId: 'p1' }, { personId: 'p2' }]);
    expect(calls).toEqual([
      { endpoint: 'programme.markAttendance', args: ['s1', 'p1', { status: 'present' }] },
      { endpoint: 'programme.markAttendance', args: ['s1', 'p2', { status: 'present' }] },
    ]);
  });

  it('stop marking at the first refusal', async () => {
    const marked: string[] = [];
    const api = {
      programme: {
        markAttendance: (_s: string, personId: string) => (personId === 'p2' ? Promise.reject(new Error('refused')) : Promise.resolve(marked.push(personId))),
      },
    } as unknown as Api;
    await expect(markAllPresent(api, 's1', [{ personId: 'p1' }, { personId: 'p2' }, { personId: 'p3' }])).rejects.toThrow('refused');
    expect(marked).toEqual(['p1']);
  });

  it('review with the comment typed, in bulk with none, and revoke a device by its token', async () => {
    const { api, calls } = recordingApi();
    await reviewNote(api, 'n1', fields([['comment', '好']]));
    await revokeDevice(api, 'p1', 't1');
    expect(calls).toEqual([
      { endpoint: 'reviewNote', args: ['n1', '好'] },
      { endpoint: 'revokeDevice', args: ['p1', 't1'] },
    ]);
    const bulk = { reviewNotes: (ids: string[], comment: string) => Promise.resolve({ notes: ids.map((id) => ({ id, comment })) }) } as unknown as Api;
    expect(await reviewNotes(bulk, ['n1', 'n2'])).toEqual([
      { id: 'n1', comment: '' },
      { id: 'n2', comment: '' },
    ]);
  });
});
