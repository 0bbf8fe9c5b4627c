#!/usr/bin/env node
// Built by `npm run build:cli` (the `prepare` script runs it after `npm ci`).
require('../dist/cli/cli/main.js').run();
