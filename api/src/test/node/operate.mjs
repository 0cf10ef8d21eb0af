// A graphql-ws client that runs one operation of any kind (query, mutation or subscription)
// and prints one JSON line per event on stdout, stamped with Date.now(), as subscribe.mjs does:
//   {"event":"connected"} {"event":"next","payload":…} {"event":"error","errors":[…]}
//   {"event":"complete"} {"event":"closed","code":…,"reason":"…"}
// Usage: node operate.mjs ws://127.0.0.1:8080/graphql <bearer token | -> <document> [operation name]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, tokenArgument, query, operationName] = process.argv.slice(2);
const token = tokenArgument === '-' ? undefined : tokenArgument;
if (!url || !query) {
  console.error('usage: node operate.mjs <ws url> <token | -> <document>');
  process.exit(2);
}

const print = (event) => process.stdout.write(JSON.stringify({ ...event, at: Date.now() }) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
  retryAttempts: 0,
  lazy: true,
  on: {
    connected: () => print({ event: 'connected' }),
    closed: (event) => print({ event: 'closed', code: event.code, reason: event.reason }),
  },
});

const stop = async () => {
  await client.dispose();
  process.exit(0);
};

client.subscribe(
  { query, operationName },
  {
    next: (payload) => print({ event: 'next', payload }),
    error: (error) => {
      if (Array.isArray(error)) {
        print({ event: 'error', errors: error });
      } else {
        print({ event: 'error', errors: [{ message: String(error?.reason ?? error?.message ?? error), code: error?.code }] });
      }
      stop();
    },
    complete: () => {
      print({ event: 'complete' });
      stop();
    },
  },
);

process.stdin.on('data', () => {});
process.stdin.on('end', stop);
