#!/usr/bin/env node
// Builds the extension for the end-to-end tests: the fake ERPs' origin is pre-granted (see wxt.config.ts),
// and the shared companion of the team-mode test (test/e2e/team-companion.test.ts, https on 127.0.0.2).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, IRN_BRIDGE_E2E_ORIGINS: process.env.IRN_BRIDGE_E2E_ORIGINS ?? 'http://localhost/*,https://127.0.0.2/*' };
const result = spawnSync('wxt', ['build'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
