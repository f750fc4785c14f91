// Entry point of the bundled `irn-bridge` command (see bundle.mjs); the checkout's bin/irn-bridge.mjs runs the same main through tsx.
import { main } from '../src/cli/main';

process.exitCode = await main(process.argv.slice(2));
