#!/usr/bin/env node
// Built by `npm run build:cli` (the `prepare` script runs it after `npm ci`): one bundle, webpack.cli.config.js.
require('../dist/scorecheck.js').run();
