#!/usr/bin/env node
// The companion ships as TypeScript source run through tsx: no build step between a change and a run.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
