import { describe, expect, it } from 'vitest';
import { ownerOf } from './owner.ts';

describe('ownerOf', () => {
  it('distinguishes the same user id on two servers', () => {
    expect(ownerOf('https://a.example.org', 'u1')).not.toBe(ownerOf('https://b.example.org', 'u1'));
  });

  it('distinguishes two users on one server', () => {
    expect(ownerOf('https://a.example.org', 'u1')).not.toBe(ownerOf('https://a.example.org', 'u2'));
  });
});
