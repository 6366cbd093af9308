import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZSetUpWorkspace } from '../../../shared/schemas/accounts.js';
import { setupInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestDb, testDeps, testDialects, type TestDb } from '../../testing/test-db.js';
import { isSetupDone, setup } from './accounts.service.js';

describe.each(testDialects())('first-run setup is atomic on $label', ({ dialect, skip }) => {
  let db: TestDb;
  beforeEach(async () => {
    if (!skip) db = await createTestDb(dialect);
  });
  afterEach(async () => {
    if (!skip) await db.drop();
  });

  it.skipIf(skip)('the workspace, its owner and the session: none is kept when the session fails', async () => {
    const before = await snapshotAll(db);
    const failing = failingWrites(testDeps(db), { table: 'sessions', kind: 'insert' });
    await expect(setup(failing, ZSetUpWorkspace.parse(setupInput()), { userAgent: 'vitest' })).rejects.toBeInstanceOf(
      InjectedFailure,
    );
    expect(await snapshotAll(db)).toEqual(before);
    // Nothing half-done blocks the real first run.
    expect(await isSetupDone(testDeps(db))).toBe(false);
  });
});
