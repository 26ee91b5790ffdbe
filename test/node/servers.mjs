// Real HTTP servers on loopback for the Node tests: each counts what it was asked.
import { createServer } from 'node:http';
import { listen } from '../../dist/esm/node/listen.js';

/** Starts a server on 127.0.0.1 that answers with `answer(req, res)`: `{url, host, hits, close}`. */
export const startServer = async (answer) => {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(req.url);
    answer(req, res);
  });
  const { origin, close } = await listen(server, 0, '127.0.0.1');
  return { url: origin, host: new URL(origin).host, hits, close };
};
