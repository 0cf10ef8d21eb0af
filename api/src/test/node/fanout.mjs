// For bench/live: opens CLIENTS graphql-ws connections (one client each) subscribed to the live
// results of one consultation and prints, per result received, one JSON line
//   {"client":i,"online":<online answers of the first commune>,"at":Date.now()}
// after a line {"ready":CLIENTS,"at":…} once every client has its first result. Ends when its
// standard input closes.
// Usage: node fanout.mjs ws://127.0.0.1:8080/graphql <consultation id> <token> <clients>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, id, token, count] = process.argv.slice(2);
const clients = [];
let ready = 0;
const query = `subscription($id: ID!) { consultationProgress(id: $id) {
  communes { unit { code } households tookPart online agree disagree turnout outcome } total { tookPart } } }`;

for (let i = 0; i < Number(count); i++) {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  let first = true;
  client.subscribe({ query, variables: { id } }, {
    next: ({ data, errors }) => {
      if (errors) {
        process.stdout.write(JSON.stringify({ client: i, errors }) + '\n');
        return;
      }
      const online = data.consultationProgress.communes[0].online;
      process.stdout.write(JSON.stringify({ client: i, online, at: Date.now() }) + '\n');
      if (first) {
        first = false;
        if (++ready === clients.length) {
          process.stdout.write(JSON.stringify({ ready, at: Date.now() }) + '\n');
        }
      }
    },
    error: (error) => process.stdout.write(JSON.stringify({ client: i, error: String(error?.reason ?? error) }) + '\n'),
    complete: () => {},
  });
}

process.stdin.on('data', () => {});
process.stdin.on('end', async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  process.exit(0);
});
