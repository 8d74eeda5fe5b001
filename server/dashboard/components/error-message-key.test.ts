import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/http.ts';
import { en } from '../i18n/en.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { errorMessageKey } from './States.tsx';

describe('errorMessageKey', () => {
  it('names a store that cannot save (503 store_read_only) apart from a server failure, in both languages', () => {
    expect(errorMessageKey(new ApiFailure(503, 'store_read_only', 'Nothing was changed'))).toBe('error.storeReadOnly');
    expect(errorMessageKey(new ApiFailure(500, 'internal_error', 'boom'))).toBe('error.server');
    expect(errorMessageKey(new ApiFailure(429, 'rate_limited', 'wait'))).toBe('error.server');
    expect(zhCN['error.storeReadOnly']).toMatch(/磁盘/);
    expect(en['error.storeReadOnly']).toMatch(/disk/);
  });
});
