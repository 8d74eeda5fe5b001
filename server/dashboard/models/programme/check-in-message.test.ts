import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../api/http.ts';
import { checkInMessage } from './check-in-message.ts';

describe('checkInMessage', () => {
  it('names each refusal the server gives', () => {
    expect(checkInMessage(new ApiFailure(400, 'wrong_code', 'x'))).toBe('checkIn.error.wrong_code');
    expect(checkInMessage(new ApiFailure(409, 'check_in_closed', 'x'))).toBe('checkIn.error.check_in_closed');
    expect(checkInMessage(new ApiFailure(409, 'already_checked_in', 'x'))).toBe('checkIn.error.already_checked_in');
    expect(checkInMessage(new ApiFailure(403, 'not_on_roster', 'x'))).toBe('checkIn.error.not_on_roster');
  });

  it('leaves other failures to the generic error state', () => {
    expect(checkInMessage(new ApiFailure(0, 'network', 'x'))).toBeNull();
    expect(checkInMessage(new Error('x'))).toBeNull();
  });
});
