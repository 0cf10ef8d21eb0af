// Runs graphql-http's GraphQL over HTTP server audits against a running api and prints
// one JSON array of {id, name, status, reason} on stdout (status: ok, notice, warn, error;
// "error" is a failed MUST). Usage: node audit-server.mjs http://127.0.0.1:8080/graphql
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-server.mjs <graphql url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  results.push({
    id: result.id,
    name: result.name,
    status: result.status,
    reason: result.status === 'ok' ? undefined : result.reason,
  });
}
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
