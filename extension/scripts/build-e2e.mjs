#!/usr/bin/env node
// Builds the extension for the end-to-end tests: the fake ERPs' origin is pre-granted (see wxt.config.ts).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, IRN_BRIDGE_E2E_ORIGINS: process.env.IRN_BRIDGE_E2E_ORIGINS ?? 'http://localhost/*' };
const result = spawnSync('wxt', ['build'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
