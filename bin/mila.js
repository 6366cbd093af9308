#!/usr/bin/env node
// `npx mila …` in the checkout: registers tsx so the TypeScript CLI runs as it is, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
