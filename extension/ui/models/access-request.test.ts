// Only a returning person's remembered sites are asked for before the sign-in's network calls.
import { describe, expect, it } from 'vitest';
import type { Status } from '../../status/read-status.ts';
import { originsToAskFirst } from './access-request.ts';

const status = (account: Status['account'], missingOrigins: string[]): Status => ({
  account,
  countingResource: null,
  counting: { counting: false, reason: 'signed-out' },
  presencePending: false,
  todaySeconds: 0,
  timeZone: 'Asia/Shanghai',
  weekSeconds: 0,
  lastSyncAt: null,
  lastSyncError: null,
  pendingCount: 0,
  rejectedCount: 0,
  missingOrigins,
});
const account = (needsSignIn: boolean) => ({ name: '张伟', username: 'zhang.wei', server: 'https://st.example.org', needsSignIn });
const sites = ['https://learn.example.org/*'];

describe('originsToAskFirst', () => {
  it('asks first for the missing sites of the remembered policy when the same person signs in again', () => {
    expect(originsToAskFirst(status(account(true), sites), 'https://st.example.org/')).toEqual(sites);
  });

  it('asks nothing first on a first sign-in: the sites are not known yet', () => {
    expect(originsToAskFirst(null, 'https://st.example.org')).toEqual([]);
    expect(originsToAskFirst(status(null, []), 'https://st.example.org')).toEqual([]);
  });

  it('asks nothing first for another server: its sites are not the remembered ones', () => {
    expect(originsToAskFirst(status(account(true), sites), 'https://other.example.org')).toEqual([]);
    expect(originsToAskFirst(status(account(true), sites), 'not a url')).toEqual([]);
  });

  it('asks nothing first while still signed in', () => {
    expect(originsToAskFirst(status(account(false), sites), 'https://st.example.org')).toEqual([]);
  });
});
