// A graphql-ws client (the npm package graphql-ws on ws): subscribes to the live results of a
// consultation (or, with a fourth argument, to another subscription of the api taking one id)
// and prints one JSON line per event on stdout, stamped with Date.now():
//   {"event":"next","at":…,"payload":{data,errors}}   a result (or an error result)
//   {"event":"error","at":…,"errors":[…]}              the subscription was refused
//   {"event":"complete","at":…}                        the server ended the stream
//   {"event":"closed","at":…,"code":4401,"reason":"…"} the socket closed
// It stops when its standard input closes (or after the stream ends).
// Usage: node subscribe.mjs ws://127.0.0.1:8080/graphql <consultation id> [bearer token | -] [subscription]
//   subscription: consultationProgress (default), planApplyProgress (the id is a plan's),
//   registryChanged (the id is ignored), or a whole subscription document taking the variable $id
//   (for probes of who may subscribe)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, id, tokenArgument, subscription = 'consultationProgress'] = process.argv.slice(2);
const token = tokenArgument === '-' ? undefined : tokenArgument;
if (!url || !id) {
  console.error('usage: node subscribe.mjs <ws url> <consultation id> [token]');
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

const queries = {
  consultationProgress: `subscription($id: ID!) { consultationProgress(id: $id) {
  published
  communes { unit { code fullName } households tookPart online agree disagree agreeShare turnout outcome certified }
  total { households tookPart agree disagree } } }`,
  planApplyProgress: `subscription($id: ID!) { planApplyProgress(planId: $id) { state done total message } }`,
  // The id is ignored: the feed of the whole registry.
  registryChanged: `subscription { registryChanged { cursor kind planId consultationId effectiveDate legalBasis } }`,
};
const query = subscription.includes('{') ? subscription : queries[subscription];
if (!query) {
  console.error('unknown subscription: ' + subscription);
  process.exit(2);
}

let finished = false;
const stop = async () => {
  if (!finished) {
    finished = true;
    unsubscribe();
  }
  await client.dispose();
  process.exit(0);
};

const unsubscribe = client.subscribe(
  { query, variables: query.includes('$id') ? { id } : {} },
  {
    next: (payload) => print({ event: 'next', payload }),
    error: (error) => {
      finished = true;
      // A refused subscription comes as an array of GraphQL errors; a socket problem as a
      // CloseEvent or an Error.
      if (Array.isArray(error)) {
        print({ event: 'error', errors: error });
      } else {
        print({ event: 'error', errors: [{ message: String(error?.reason ?? error?.message ?? error), code: error?.code }] });
      }
      stop();
    },
    complete: () => {
      print({ event: 'complete' });
      finished = true;
      stop();
    },
  },
);

process.stdin.on('data', () => {});
process.stdin.on('end', stop);
