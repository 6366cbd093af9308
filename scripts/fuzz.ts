/**
 * `npm run test:fuzz [runs]`: the hostile-input property test at length (default 20,000 bodies per
 * database) with a fresh seed, printed so a failure can be replayed: MILA_FUZZ_SEED=<seed>.
 */
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 20_000);
const seed = Number(process.env.MILA_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`[fuzz] ${runs} random bodies per database, seed ${seed}`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'src/server/hostile-input.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, MILA_FUZZ_RUNS: String(runs), MILA_FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
