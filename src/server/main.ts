import cluster from 'node:cluster';
import { loadConfig } from './config.js';

// One process (MILA_WORKERS=1) serves by itself; with more, this process only forks and watches
// the workers, which serve (decision 019). Imported lazily so the primary loads no app code.
const config = loadConfig();
if (cluster.isPrimary && config.workers > 1) {
  const { runPrimary } = await import('./primary.js');
  await runPrimary(config);
} else {
  const { serveApp } = await import('./serve.js');
  await serveApp(config);
}
