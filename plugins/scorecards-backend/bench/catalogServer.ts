/*
 * Copyright 2026 The Scorecards & Campaigns for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/* eslint-disable no-console */

import { CatalogService } from '@backstage/plugin-catalog-node';
import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { InMemoryCatalog, SyntheticCatalog } from './syntheticCatalog';

/**
 * The synthetic catalog served over HTTP from its own process, answering
 * `GET /api/catalog/entities/by-query` (cursor paging, `limit`, `fields`)
 * with the JSON the catalog backend answers, and `POST /mutate` (the
 * benchmark's 5% change). Run as `catalogServer.ts --entities N`; it prints
 * `{"port": ...}` when it listens.
 */
async function serve(count: number) {
  const synthetic = new SyntheticCatalog(count);
  const catalog = new InMemoryCatalog(synthetic);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'POST' && url.pathname === '/mutate') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ mutated: synthetic.mutate() }));
        return;
      }
      if (
        req.method !== 'GET' ||
        url.pathname !== '/api/catalog/entities/by-query'
      ) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const fields = url.searchParams
        .getAll('fields')
        .flatMap(f => f.split(','))
        .filter(Boolean);
      const limit = url.searchParams.get('limit');
      const page = await catalog.queryEntities({
        cursor: url.searchParams.get('cursor') ?? undefined,
        limit: limit ? Number(limit) : undefined,
        fields,
      });
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(page));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(JSON.stringify({ port }));
  });
}

interface CatalogClientLike {
  queryEntities(request?: object, options?: { token?: string }): Promise<any>;
}

/**
 * The `CatalogClient` of `@backstage/catalog-client`, as the version that
 * `@backstage/plugin-catalog-node`'s default catalog service uses.
 */
function loadCatalogClient(): new (options: {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
}) => CatalogClientLike {
  const fromCatalogNode = createRequire(
    require.resolve('@backstage/plugin-catalog-node'),
  );
  return fromCatalogNode('@backstage/catalog-client').CatalogClient;
}

/** A catalog served by a child process, read through the real CatalogClient. */
export interface ServedCatalog {
  /** A CatalogService whose `queryEntities` goes over HTTP. */
  service: CatalogService;
  /** Makes the 5% change in the served catalog; returns how many changed. */
  mutate(): Promise<number>;
  close(): void;
}

/** Starts {@link serve} in a child process. */
export async function startCatalogServer(
  count: number,
): Promise<ServedCatalog> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...process.execArgv, __filename, '--serve', String(count)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find(l => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.on('error', reject);
    child.on('exit', code =>
      reject(new Error(`catalog server exited ${code}`)),
    );
  });
  const base = `http://127.0.0.1:${port}`;
  const CatalogClient = loadCatalogClient();
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
  });
  const service = {
    // The real catalog service adds a token per request; the server here
    // checks none.
    queryEntities: (request?: object) => client.queryEntities(request),
  } as unknown as CatalogService;
  return {
    service,
    mutate: async () => {
      const response = await fetch(`${base}/mutate`, { method: 'POST' });
      return (await response.json()).mutated;
    },
    close: () => {
      child.kill();
    },
  };
}

if (require.main === module && process.argv[2] === '--serve') {
  serve(Number(process.argv[3])).catch(error => {
    console.error(error);
    process.exit(1);
  });
}
