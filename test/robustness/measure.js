// Runs a Node script (the built CLI) and, as the process ends, reports its
// peak resident memory and CPU time on stderr's last line, for the hostile
// suite's bounds and the bench's process figures.
const path = require('path');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\n__maxrss_kb=${process.resourceUsage().maxRSS} __cpu_ms=${Math.round((user + system) / 1000)}\n`);
});
require(path.resolve(script));
