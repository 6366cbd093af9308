import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig, MAX_DEFAULT_WORKERS } from './config.js';

describe('MILA_WORKERS', () => {
  it('defaults to the available cores, at most MAX_DEFAULT_WORKERS; takes a whole number of at least 1', () => {
    expect(loadConfig({}).workers).toBe(Math.min(os.availableParallelism(), MAX_DEFAULT_WORKERS));
    expect(loadConfig({ MILA_WORKERS: '1' }).workers).toBe(1);
    expect(loadConfig({ MILA_WORKERS: '6' }).workers).toBe(6);
    expect(() => loadConfig({ MILA_WORKERS: '0' })).toThrow(/MILA_WORKERS/);
    expect(() => loadConfig({ MILA_WORKERS: 'two' })).toThrow(/MILA_WORKERS/);
  });
});
