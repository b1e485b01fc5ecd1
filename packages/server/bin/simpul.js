#!/usr/bin/env node
// The `simpul` command. Sources are TypeScript; tsx compiles them on load (cached), so the
// CLI and the server run from the tree without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
