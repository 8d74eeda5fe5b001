import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { checkInResponseSchema } from '../../api/programme-endpoints.ts';
import { fields, recordingApi } from '../recording-api.test-support.ts';
import { checkInSteps, type CheckedIn } from './check-in-page.ts';

describe('the check-in page', () => {
  it('forgets the last answer as it sends the next code', async () => {
    const { api, calls } = recordingApi();
    const held: (CheckedIn | null)[] = [];
    await checkInSteps(api, (c) => held.push(c)).send(fields([['code', 'AB12']]));
    expect(held).toEqual([null]);
    expect(calls).toEqual([{ endpoint: 'programme.checkIn', args: ['AB12'] }]);
  });

  it('keeps the topic of the session and how the person was recorded once saved', () => {
    const held: (CheckedIn | null)[] = [];
    const answer = { session: { topic: '专题辅导' }, entry: { status: 'late' } } as z.infer<typeof checkInResponseSchema>;
    checkInSteps(recordingApi().api, (c) => held.push(c)).saved(answer);
    expect(held).toEqual([{ topic: '专题辅导', status: 'late' }]);
  });
});
