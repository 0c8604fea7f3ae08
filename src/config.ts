import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '..');

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const int = (min: number) => z.coerce.number().int().min(min);

/** Every environment variable the product reads, with its default. The only reader of process.env. */
const EnvSchema = z.object({
  PORT: int(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  QA_CORPUS: z.string().default(resolve(ROOT, 'corpus/report-2020H1-blockchain.md')),
  QA_INDEX_DIR: z.string().default(resolve(ROOT, 'index')),
  QA_PROMPTS_DIR: z.string().default(resolve(ROOT, 'prompts')),
  QA_LEXICON_DIR: z.string().default(resolve(ROOT, 'src/question/lexicon')),
  /** 'static' = the model trained from the corpus into index/model; otherwise a hub id or a local folder. */
  QA_EMBED_MODEL: z.string().default('static'),
  QA_EMBED_ALLOW_REMOTE: bool.default(false),
  QA_EMBED_CACHE_DIR: z.string().optional(),
  QA_EMBED_QUERY_PREFIX: z.string().optional(),
  QA_TOP_K: int(1).max(50).default(8),
  QA_BM25_WEIGHT: z.coerce.number().min(0).max(1).default(0.9),
  QA_ALLOWED_ORIGINS: z.string().default('*'),
  QA_RATE_LIMIT: int(0).default(60),
  QA_MAX_QUESTION_CHARS: int(1).default(500),
  QA_MAX_MESSAGES: int(1).default(20),
  QA_MAX_BODY_BYTES: int(256).default(16 * 1024),
  QA_REQUEST_TIMEOUT_MS: int(100).default(30_000),
  /** Off (0), a hop count, or comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed. */
  QA_TRUST_PROXY: z.string().default('0').transform((value, context) => {
    const trust = parseTrustProxy(value);
    if (trust === undefined) context.addIssue({ code: 'custom', message: 'expected 0, a hop count, or IP addresses / CIDRs' });
    return trust ?? null;
  }),
  /** The origin browsers reach the service at (behind a proxy): the demo page's script URL and CSP. */
  QA_PUBLIC_URL: z.string().url().refine((value) => /^https?:\/\/[^/?#]+\/?$/.test(value), 'expected an origin such as https://qa.example.com')
    .transform((value) => value.replace(/\/$/, '')).optional(),
  /**
   * Longest question text handed to the answering core after normalisation (longer ones keep head and tail). Questions
   * people ask run to a few dozen characters (the bank's longest: 55 of 1,081 turns, p99 42), so 80 loses none of them, and a
   * pasted passage costs what a long question does. Measured with `npm run bench -- --only worst`: at 120 the costliest input's
   * median CPU was 6–10× the ordinary median, at 80 about 4× (the worst input's cost grows with what is analysed).
   */
  QA_MAX_ANALYZED_CHARS: int(20).default(80),
  QA_LLM_BASE_URL: z.string().url().optional(),
  QA_LLM_API_KEY: z.string().optional(),
  QA_LLM_MODEL: z.string().optional(),
  QA_LLM_TIMEOUT_MS: int(100).default(20_000),
  QA_LOG_QUESTIONS: bool.default(false),
  QA_DATA_DIR: z.string().default(resolve(ROOT, 'data')),
  QA_RECORD: bool.default(false),
  QA_RECORD_DAYS: int(1).max(3650).default(90),
  /** Enables /admin; long enough that guessing it is hopeless. */
  QA_ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  QA_LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export interface Config {
  server: { port: number; host: string; allowedOrigins: string[] | '*'; rateLimitPerMinute: number;
    maxQuestionChars: number; maxMessages: number; maxBodyBytes: number; requestTimeoutMs: number;
    trustProxy: TrustProxy | null; publicUrl?: string; maxAnalyzedChars: number };
  paths: { root: string; corpus: string; indexDir: string; promptsDir: string; lexiconDir: string };
  embedding: { model: string; allowRemote: boolean; cacheDir?: string; queryPrefix?: string };
  retrieval: { topK: number; bm25Weight: number };
  llm: { baseUrl: string; apiKey: string; model: string; timeoutMs: number } | null;
  log: { questions: boolean; level: 'silent' | 'error' | 'info' | 'debug' };
  /** The embedded database: feedback always, answered questions when `record`; /admin when `adminToken`. */
  store: { dataDir: string; record: boolean; retentionDays: number; adminToken: string | null };
}

/** Which peers' X-Forwarded-For is believed: the nearest `hops` proxies, or proxies at these addresses/CIDRs. */
export type TrustProxy = { hops: number } | { addresses: string[] };

/** QA_TRUST_PROXY → TrustProxy, null when off, undefined when invalid. */
function parseTrustProxy(value: string): TrustProxy | null | undefined {
  const text = value.trim();
  if (text === '0' || text === 'false' || text === '') return null;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(',').map((part) => part.trim()).filter(Boolean);
  const valid = addresses.every((address) => {
    const [ip, bits, extra] = address.split('/');
    if (extra !== undefined || !isIP(ip)) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
  });
  return valid && addresses.length > 0 ? { addresses } : undefined;
}

export type ConfigOverrides = Partial<Record<keyof z.input<typeof EnvSchema>, string | number | boolean>>;

/** Thrown with the variable's name when the environment is invalid. */
export class ConfigError extends Error {}

/**
 * Parses the environment (plus CLI overrides) into a frozen Config.
 * @throws ConfigError naming the variable when a value is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = overrides[key as keyof ConfigOverrides] ?? env[key];
    if (value !== undefined && value !== '') raw[key] = String(value);
  }
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`环境变量 ${String(issue.path[0])} 无效 (invalid ${String(issue.path[0])}): ${issue.message}`);
  }
  const e = parsed.data;
  const origins = e.QA_ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  const llm = e.QA_LLM_BASE_URL && e.QA_LLM_MODEL
    ? { baseUrl: e.QA_LLM_BASE_URL, apiKey: e.QA_LLM_API_KEY ?? 'none', model: e.QA_LLM_MODEL, timeoutMs: e.QA_LLM_TIMEOUT_MS }
    : null;
  const config: Config = {
    server: {
      port: e.PORT, host: e.HOST, allowedOrigins: origins.includes('*') ? '*' : origins,
      rateLimitPerMinute: e.QA_RATE_LIMIT, maxQuestionChars: e.QA_MAX_QUESTION_CHARS, maxMessages: e.QA_MAX_MESSAGES,
      maxBodyBytes: e.QA_MAX_BODY_BYTES, requestTimeoutMs: e.QA_REQUEST_TIMEOUT_MS,
      trustProxy: e.QA_TRUST_PROXY, publicUrl: e.QA_PUBLIC_URL, maxAnalyzedChars: e.QA_MAX_ANALYZED_CHARS,
    },
    paths: { root: ROOT, corpus: resolve(e.QA_CORPUS), indexDir: resolve(e.QA_INDEX_DIR), promptsDir: resolve(e.QA_PROMPTS_DIR), lexiconDir: resolve(e.QA_LEXICON_DIR) },
    embedding: { model: e.QA_EMBED_MODEL, allowRemote: e.QA_EMBED_ALLOW_REMOTE, cacheDir: e.QA_EMBED_CACHE_DIR,
      queryPrefix: e.QA_EMBED_QUERY_PREFIX },
    retrieval: { topK: e.QA_TOP_K, bm25Weight: e.QA_BM25_WEIGHT },
    llm,
    log: { questions: e.QA_LOG_QUESTIONS, level: e.QA_LOG_LEVEL },
    store: { dataDir: resolve(e.QA_DATA_DIR), record: e.QA_RECORD, retentionDays: e.QA_RECORD_DAYS, adminToken: e.QA_ADMIN_TOKEN ?? null },
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
