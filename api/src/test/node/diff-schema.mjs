// Compares two GraphQL schemas (SDL files) with graphql-inspector (the engine of
// `graphql-inspector diff`) and prints one JSON array of changes on stdout:
// {criticality: BREAKING | DANGEROUS | NON_BREAKING, type, path, message, reason}.
// Usage: node diff-schema.mjs old.graphql new.graphql
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff } from '@graphql-inspector/core';

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile || !newFile) {
  console.error('usage: node diff-schema.mjs old.graphql new.graphql');
  process.exit(2);
}

const load = (file) => buildSchema(readFileSync(file, 'utf8'));
const changes = await diff(load(oldFile), load(newFile));
process.stdout.write(JSON.stringify(changes.map((change) => ({
  criticality: change.criticality.level,
  type: change.type,
  path: change.path ?? null,
  message: change.message,
  reason: change.criticality.reason ?? null,
})), null, 1) + '\n');
