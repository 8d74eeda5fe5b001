// Forwarded headers count only when the proxy is trusted, and then only the entry the proxy wrote.
import { describe, expect, it } from 'vitest';
import { clientInfo, type RequestFacts } from './client-info.ts';

function facts(headers: Record<string, string>, url = 'http://st.example.org/api/me'): RequestFacts {
  return { url, socketAddress: '10.0.0.2', header: (name) => headers[name.toLowerCase()] };
}

const FORWARDED = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' };

describe('clientInfo', () => {
  it('ignores forwarded headers when the proxy is not trusted', () => {
    expect(clientInfo(facts(FORWARDED), false)).toEqual({ address: '10.0.0.2', https: false, origin: 'http://st.example.org' });
  });

  it('takes the address and scheme from a trusted proxy', () => {
    expect(clientInfo(facts(FORWARDED), true)).toEqual({ address: '203.0.113.9', https: true, origin: 'https://st.example.org' });
  });

  it('believes only the last address, the one the trusted proxy appended', () => {
    expect(clientInfo(facts({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7 , 203.0.113.9' }), true).address).toBe('203.0.113.9');
  });

  it('falls back to the socket when a trusted proxy sent no headers', () => {
    expect(clientInfo(facts({}), true)).toEqual({ address: '10.0.0.2', https: false, origin: 'http://st.example.org' });
  });

  it('ignores a scheme that is neither http nor https', () => {
    expect(clientInfo(facts({ 'x-forwarded-proto': 'gopher' }), true).https).toBe(false);
  });

  it('keeps the port of the Host the client used', () => {
    expect(clientInfo(facts({}, 'http://127.0.0.1:8787/x'), false).origin).toBe('http://127.0.0.1:8787');
  });

  it('sees HTTPS that ended at the server itself', () => {
    expect(clientInfo(facts({ 'x-forwarded-proto': 'http' }, 'https://st.example.org/'), false).https).toBe(true);
  });
});
