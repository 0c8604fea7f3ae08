/**
 * The service as a real process, started the way production starts it (compiled by scripts/build.mjs):
 * start-up faults each print one Chinese + English line and exit 1, never a stack; every artefact it
 * loads is verified; `node scripts/start.mjs serve` is a single process that drains and exits 0 when
 * its process group is signalled.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemporaryDist, ROOT, spawnService } from '../support/compiled-service';
import { inFlightChat } from '../support/in-flight-request';

let dist: Awaited<ReturnType<typeof buildTemporaryDist>>;
const scratch = mkdtempSync(join(tmpdir(), 'report-qa-faults-'));

beforeAll(async () => { dist = await buildTemporaryDist(); });
afterAll(() => {
  dist?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the committed index, changed by `damage`. */
function damagedIndex(name: string, damage: (dir: string) => void): string {
  const dir = join(scratch, name);
  cpSync(join(ROOT, 'index'), dir, { recursive: true });
  damage(dir);
  return dir;
}

function flipByte(path: string, at = 0.5): void {
  const bytes = readFileSync(path);
  const i = Math.floor(bytes.length * at);
  bytes[i] ^= 0x01;
  writeFileSync(path, bytes);
}

function editManifest(dir: string, edit: (manifest: Record<string, any>) => void): void {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
}

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as { port: number }).port, server };
}

describe('start-up faults: one Chinese + English line, exit 1, no stack', () => {
  const faults: { name: string; env: () => Promise<Record<string, string>> | Record<string, string>; line: RegExp }[] = [
    { name: 'a port in use', env: async () => ({ PORT: String((await occupiedPort()).port) }), line: /^端口已被占用.*\(port_in_use: port \d+ is in use/ },
    { name: 'a HOST that is no address', env: () => ({ HOST: 'not a host' }), line: /^无法在该地址上启动服务.*\(listen_failed: cannot listen on not a host:0 \(ENOTFOUND\)\)$/ },
    { name: 'a HOST not on this machine', env: () => ({ HOST: '203.0.113.1' }), line: /\(listen_failed: .*EADDRNOTAVAIL/ },
    { name: 'a missing QA_CORPUS', env: () => ({ QA_CORPUS: join(scratch, 'nothing.md') }), line: /^找不到报告文件，请检查 QA_CORPUS。 \(corpus_missing: no file at / },
    { name: 'a QA_CORPUS that is a folder', env: () => ({ QA_CORPUS: scratch }), line: /^找不到报告文件.*\(corpus_missing: .* is not a file/ },
    { name: 'a missing tokenizer_config.json', env: () => ({ QA_INDEX_DIR: damagedIndex('no-tokenizer-config', (dir) => rmSync(join(dir, 'model/tokenizer_config.json'))) }),
      line: /^知识库索引缺失或已损坏，请运行 npm run build-index。 \(index_missing: missing .*tokenizer_config\.json/ },
    { name: 'a manifest without files', env: () => ({ QA_INDEX_DIR: damagedIndex('no-files', (dir) => editManifest(dir, (m) => { delete m.files; })) }),
      line: /\(index_missing: manifest .* lacks files/ },
    { name: 'a byte-flipped model.onnx', env: () => ({ QA_INDEX_DIR: damagedIndex('onnx', (dir) => flipByte(join(dir, 'model/onnx/model.onnx'))) }),
      line: /\(index_missing: .*model\.onnx is damaged \(sha256 mismatch\)/ },
    { name: 'a byte-flipped tokenizer.json', env: () => ({ QA_INDEX_DIR: damagedIndex('tokenizer', (dir) => flipByte(join(dir, 'model/tokenizer.json'))) }),
      line: /\(index_missing: .*tokenizer\.json is damaged/ },
    { name: 'embedder.dimensions not the model\'s', env: () => ({ QA_INDEX_DIR: damagedIndex('dims', (dir) => editManifest(dir, (m) => { m.embedder.dimensions = 128; })) }),
      line: /^知识库索引与语料不一致.*\(index_stale: index has 128-dimensional vectors, the embedder gives 256/ },
    { name: 'an index from before model hashes', env: () => ({ QA_INDEX_DIR: damagedIndex('old', (dir) => editManifest(dir, (m) => {
      for (const name of Object.keys(m.files)) if (name.startsWith('model/')) delete m.files[name];
    })) }), line: /\(index_stale: manifest does not list model\// },
    { name: 'an invalid QA_TRUST_PROXY', env: () => ({ QA_TRUST_PROXY: 'everyone' }), line: /^环境变量 QA_TRUST_PROXY 无效 \(invalid QA_TRUST_PROXY\)/ },
  ];

  it.concurrent.each(faults.map((fault) => [fault.name, fault] as const))('%s', async (_, fault) => {
    const env = await fault.env();
    const service = spawnService([join(dist.outdir, 'main.js'), 'serve'], env);
    const { code } = await service.exited;
    const lines = service.stderr().trim().split('\n');
    expect(lines, service.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(fault.line);
    expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(lines[0]).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);
    expect(code).toBe(1);
  });
});

/** Pids whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((entry) => {
    try {
      return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);
}

describe('the production start (node scripts/start.mjs serve)', () => {
  it('is one process that, when its process group gets SIGTERM, finishes the in-flight request and exits 0', async () => {
    const service = spawnService(['scripts/start.mjs', 'serve'], { QA_LOG_LEVEL: 'info' });
    const url = new URL(await service.started);
    expect(childrenOf(service.child.pid!)).toEqual([]);
    // The request is in flight (headers and half the body sent) when the signal arrives.
    const reply = inFlightChat(url, '江苏有多少家区块链企业？', () => process.kill(-service.child.pid!, 'SIGTERM'));
    const { status, text } = await reply;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ grounded: true, mode: 'extractive' });
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.stderr()).toContain('"event":"shutdown"');
    expect(service.stderr()).not.toMatch(/\n\s+at /);
  });
});
