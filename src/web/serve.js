#!/usr/bin/env node
/**
 * Serves the built browser page (dist/web) on http://127.0.0.1 only: `npm run web`.
 * Any static server can host the folder instead; this one adds the CSP as a
 * header too and needs nothing beyond Node.
 *
 *   node src/web/serve.js [--port 8080] [--root dist/web]
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { CONTENT_SECURITY_POLICY } = require('./csp');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` a URL path names, or undefined when it would step outside it. */
function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Starts the server; resolves once it listens. `port` 0 picks a free one. */
function startServer({ root = path.resolve(__dirname, '../../dist/web'), port = 8080, host = '127.0.0.1' } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(absRoot, req.url || '/') : undefined;
    fs.stat(file || '', (statError, stat) => {
      if (!file || statError || !stat.isFile()) {
        res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, {
          ...headers,
          'Content-Type': 'text/plain; charset=utf-8',
        });
        res.end('Not found\n');
        return;
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': stat.size,
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

function argValue(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const root = path.resolve(argValue(args, '--root') || path.resolve(__dirname, '../../dist/web'));
  const port = Number(argValue(args, '--port') || process.env.PORT || 8080);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`No built page in ${root}. Build it first: npm run build:web`);
    process.exit(2);
  }
  startServer({ root, port }).then(
    ({ url }) => console.log(`ScoreCheck browser page: ${url}  (only this machine can reach it; Ctrl+C stops)`),
    (e) => {
      console.error(e.code === 'EADDRINUSE' ? `Port ${port} is taken: try --port 8081` : e.message);
      process.exit(2);
    },
  );
}

module.exports = { startServer };
