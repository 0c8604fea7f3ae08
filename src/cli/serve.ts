import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { createPipeline } from '../pipeline';
import { createApp } from '../server/create-app';
import { createHttpServer } from '../server/create-http-server';
import { openRecordStore } from '../store/open-record-store';

export interface RunningService {
  server: Server;
  url: string;
  /** Stops accepting connections and resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

/**
 * `npm start`: opens the embedded database (quick to check: a corrupt or locked file should not wait
 * for the index), loads the pipeline (refusing a missing or stale index), serves the API on
 * config.server.host/port, prints 「报告问答已启动 http://HOST:PORT」 to stderr, and on SIGTERM/SIGINT
 * stops accepting, lets in-flight requests finish, then exits 0.
 * @throws AppError store_unavailable | index_missing | index_stale | model_missing | corpus_missing | port_in_use | listen_failed
 *   (main prints them as one Chinese + English line and exits 1).
 */
export async function serve(config: Config, logger: Logger): Promise<RunningService> {
  const store = openRecordStore({ dataDir: config.store.dataDir, record: config.store.record, retentionDays: config.store.retentionDays });
  const pipeline = await createPipeline(config, { logger });
  const app = createApp({ pipeline, config, logger, store });
  const server = createHttpServer({ fetch: app.fetch, logger, requestTimeoutMs: config.server.requestTimeoutMs,
    maxBodyBytes: config.server.maxBodyBytes, hostname: config.server.host });
  const { port } = await listen(server, config.server.host, config.server.port);
  const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  process.stderr.write(`报告问答已启动 ${url}\n`);

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= new Promise<void>((resolve) => {
    // Keep-alive sockets would hold close() open: drop each one as soon as it is idle.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
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

/** Listens, turning a port in use or an address that cannot be bound into an AppError for the one-line message. */
function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      reject(error.code === 'EADDRINUSE'
        ? new AppError('port_in_use', `port ${port} is in use (EADDRINUSE ${where})`, { cause: error })
        : new AppError('listen_failed', `cannot listen on ${where} (${error.code ?? error.message})`, { cause: error }));
    };
    server.once('error', onError);
    try {
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve(server.address() as AddressInfo);
      });
    } catch (error) {
      // Synchronous for some invalid arguments (e.g. a HOST that is not a string Node accepts).
      onError(error as NodeJS.ErrnoException);
    }
  });
}
