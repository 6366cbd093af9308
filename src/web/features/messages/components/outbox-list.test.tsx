import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { keepHostsWhole } from './outbox-list';

describe('an outbox error', () => {
  it('keeps a host:port in one piece that does not wrap', () => {
    const parts = keepHostsWhole('connect ECONNREFUSED smtp.example.com:587 (after 3 tries)');
    const host = parts.find(isValidElement) as { props: { children: string; style: { whiteSpace: string } } };
    expect(host.props.children).toBe('smtp.example.com:587');
    expect(host.props.style.whiteSpace).toBe('nowrap');
    expect(parts.filter((p) => typeof p === 'string').join('')).toBe('connect ECONNREFUSED  (after 3 tries)');
  });
});
