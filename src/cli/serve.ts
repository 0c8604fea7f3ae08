import { serve as serveNode, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { createPipeline } from '../pipeline';
import { createApp } from '../server/create-app';
import { openRecordStore } from '../store/open-record-store';
import type { RecordStore } from '../store/record-store';

export interface RunningService {
  server: ServerType;
  url: string;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * `npm start`: opens the embedded database and loads the pipeline (refusing a corrupt or locked
 * database, or a missing or stale index: one-line Chinese + English message, exit 1), serves the
 * API on config.server.host/port, prints 「报告问答已启动 http://HOST:PORT」 to stderr, and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, then exits 0.
 */
export async function serve(config: Config, logger: Logger): Promise<RunningService> {
  // The database first: it is quick to check, and a corrupt or locked file should not wait for the index.
  let store: RecordStore;
  try {
    store = openRecordStore({ dataDir: config.store.dataDir, record: config.store.record, retentionDays: config.store.retentionDays });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.userMessage} (${error.code}: ${error.message})\n`);
    process.exit(1);
  }
  let pipeline;
  try {
    pipeline = await createPipeline(config, { logger });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`${error.userMessage} (${error.code}: ${error.message})\n`);
    process.exit(1);
  }
  const app = createApp({ pipeline, config, logger, store });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serveNode({ fetch: app.fetch, hostname: config.server.host, port: config.server.port }, () => resolve(started));
  });
  // A client may not take longer to send its request than the service has to answer it (slow-body clients).
  if ('requestTimeout' in server) server.requestTimeout = config.server.requestTimeoutMs;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  process.stderr.write(`报告问答已启动 ${url}\n`);

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= new Promise<void>((resolve) => {
    // Keep-alive sockets would hold close() open: drop each one as soon as it is idle.
    const sweep = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      store.close();
      resolve();
    });
  }));
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('shutdown', { signal });
    // A request cannot outlive its deadline; past that, something hangs.
    setTimeout(() => {
      logger.error('shutdown_forced', { afterMs: config.server.requestTimeoutMs + 5_000 });
      process.exit(1);
    }, config.server.requestTimeoutMs + 5_000).unref();
    void close().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return { server, url, close };
}
