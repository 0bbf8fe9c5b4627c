// Runs a Node script (the built CLI) and, as the process ends, reports its
// peak resident memory on stderr's last line, for the hostile suite's bound.
const path = require('path');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => {
  process.stderr.write(`\n__maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
require(path.resolve(script));
