/**
 * `npm run seed:demo [count]`: the same as `npx mila seed-demo`, kept for the README's habit.
 */
import { cliContext, withDeps } from '../src/cli/context.js';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '../src/cli/commands/seed-demo.js';

const count = Number(process.argv[2] ?? 60);
const result = await withDeps(cliContext(), (deps) => seedDemo(deps, count));
if (result.createdWorkspace) console.log(`Created the demo workspace. Sign in with ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
console.log(`Added ${result.clients} demo clients.`);
