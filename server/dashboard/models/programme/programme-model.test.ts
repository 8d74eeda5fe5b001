import { describe, expect, it } from 'vitest';
import { fields, recordingApi } from '../recording-api.test-support.ts';
import { addReport, addVisit, checkIn, createSession, gradeDecision, markAttendance, saveException } from './programme-model.ts';

describe('the calendar exception form', () => {
  it('cancels a Friday without a new date, even when one was typed before switching', async () => {
    const { api, calls } = recordingApi();
    await saveException(api, 'cancel', fields([['date', '2026-10-02 '], ['movedTo', '2026-10-09'], ['reason', ' 国庆 ']]));
    expect(calls).toEqual([{ endpoint: 'programme.setException', args: ['2026-10-02', { action: 'cancel', movedTo: null, reason: '国庆' }] }]);
  });

  it('moves a Friday to the date given', async () => {
    const { api, calls } = recordingApi();
    await saveException(api, 'move', fields([['date', '2026-10-02'], ['movedTo', '2026-10-09'], ['reason', 'x']]));
    expect(calls[0]!.args[1]).toEqual({ action: 'move', movedTo: '2026-10-09', reason: 'x' });
  });
});

describe('the new-session form', () => {
  it('sends the session with its times in the organisation zone and answers with the created one', async () => {
    const { api, calls } = recordingApi();
    const created = await createSession(
      api,
      fields([['kind', 'special-lecture'], ['topic', ' 学习 '], ['date', '2026-03-06'], ['start', '14:30'], ['end', '17:30'], ['organiserId', 'p1'], ['tariff', 'actual'], ['unitIds', 'u1'], ['unitIds', 'u2']]),
      'Asia/Shanghai',
    );
    expect(created).toEqual({ answeredBy: 'programme.createSession' });
    expect(calls[0]!.args[0]).toMatchObject({ topic: '学习', startsAt: '2026-03-06T14:30:00+08:00', endsAt: '2026-03-06T17:30:00+08:00', unitIds: ['u1', 'u2'], materials: [] });
  });
});

describe('the roster mark form', () => {
  const form = fields([['reason', ' 出差 '], ['makeUp', '2026-03-10'], ['makeUpNote', ' 补学 ']]);

  it('sends the make-up of a missed session', async () => {
    const { api, calls } = recordingApi();
    await markAttendance(api, 's1', 'p1', 'leave', form);
    await markAttendance(api, 's1', 'p2', 'absent', form);
    expect(calls.map((c) => c.args)).toEqual([
      ['s1', 'p1', { status: 'leave', reason: '出差', makeUp: { doneOn: '2026-03-10', note: '补学' } }],
      ['s1', 'p2', { status: 'absent', reason: '出差', makeUp: { doneOn: '2026-03-10', note: '补学' } }],
    ]);
  });

  it('sends no make-up for someone present or late, nor one without a date', async () => {
    const { api, calls } = recordingApi();
    await markAttendance(api, 's1', 'p1', 'present', form);
    await markAttendance(api, 's1', 'p1', 'late', form);
    await markAttendance(api, 's1', 'p1', 'absent', fields([['makeUp', ' '], ['makeUpNote', 'n']]));
    expect(calls.map((c) => (c.args[2] as { makeUp: unknown }).makeUp)).toEqual([null, null, null]);
  });
});

describe('check-in', () => {
  it('sends the code as typed', async () => {
    const { api, calls } = recordingApi();
    await checkIn(api, fields([['code', 'AB12']]));
    expect(calls).toEqual([{ endpoint: 'programme.checkIn', args: ['AB12'] }]);
  });
});

describe('the research forms', () => {
  it('add a field visit with every field trimmed', async () => {
    const { api, calls } = recordingApi();
    await addVisit(api, fields([['personId', 'p1'], ['kind', 'community'], ['date', '2026-04-01'], ['place', ' 社区 '], ['summary', ' 走访 ']]));
    expect(calls[0]).toEqual({ endpoint: 'programme.addVisit', args: [{ personId: 'p1', kind: 'community', date: '2026-04-01', place: '社区', summary: '走访' }] });
  });

  it('add a report, an empty file link being none', async () => {
    const { api, calls } = recordingApi();
    const report = [['personId', 'p1'], ['title', ' 调研 '], ['status', 'draft'], ['date', '2026-04-01']] as const;
    await addReport(api, fields([...report, ['fileUrl', '  ']]));
    await addReport(api, fields([...report, ['fileUrl', ' https://files.example/r.pdf ']]));
    expect(calls.map((c) => (c.args[0] as { fileUrl: unknown }).fileUrl)).toEqual([null, 'https://files.example/r.pdf']);
    expect(calls[0]!.args[0]).toMatchObject({ title: '调研', status: 'draft' });
  });
});

describe('the grade decision', () => {
  it('keeps the suggested grade with or without a reason', () => {
    expect(gradeDecision('competent', 'competent', '')).toEqual({ grade: 'competent', reason: '' });
    expect(gradeDecision('competent', 'competent', '同意')).toEqual({ grade: 'competent', reason: '同意' });
  });

  it('changes it only with a reason', () => {
    expect(gradeDecision('excellent', 'competent', '')).toBeNull();
    expect(gradeDecision('excellent', 'competent', '表现突出')).toEqual({ grade: 'excellent', reason: '表现突出' });
  });
});
