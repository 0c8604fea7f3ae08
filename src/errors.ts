/** Error codes with their HTTP status and the Chinese sentence end users see. */
export const ERROR_CATALOGUE = {
  bad_request: { status: 400, message: '请求格式不正确：请发送 JSON，messages 的最后一条须是用户的问题。' },
  empty_question: { status: 400, message: '问题不能为空。' },
  too_large: { status: 413, message: '问题或对话过长，请缩短后再试。' },
  rate_limited: { status: 429, message: '请求过于频繁，请稍后再试。' },
  origin_not_allowed: { status: 403, message: '此网站未被允许调用问答服务。' },
  unauthorized: { status: 401, message: '需要有效的管理口令。' },
  not_found: { status: 404, message: '未找到请求的内容。' },
  timeout: { status: 503, message: '回答超时，请稍后再试。' },
  index_stale: { status: 500, message: '知识库索引与语料不一致，请运行 npm run build-index。' },
  index_missing: { status: 500, message: '知识库索引缺失或已损坏，请运行 npm run build-index。' },
  model_missing: { status: 500, message: '找不到配置的向量模型，请检查 QA_EMBED_MODEL 或运行 npm run build-index。' },
  store_unavailable: { status: 500, message: '记录数据库无法打开（文件损坏、被占用或不可写），请检查 QA_DATA_DIR。' },
  internal: { status: 500, message: '服务暂时不可用，请稍后再试。' },
  // Below the routes: the HTTP parser, the transport, and start-up.
  method_not_allowed: { status: 405, message: '不支持该请求方法。' },
  expectation_failed: { status: 417, message: '不支持请求头 Expect 的取值。' },
  headers_too_large: { status: 431, message: '请求头过大。' },
  /** Never sent (nobody is listening): what the request log records when the client leaves first. */
  client_closed: { status: 499, message: '客户端已断开连接。' },
  corpus_missing: { status: 500, message: '找不到报告文件，请检查 QA_CORPUS。' },
  port_in_use: { status: 500, message: '端口已被占用，请换一个 PORT 或先停止占用它的进程。' },
  listen_failed: { status: 500, message: '无法在该地址上启动服务，请检查 HOST 和 PORT。' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The one exception type: a catalogue code, an English detail for logs, and the cause. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = options.details;
  }

  /** The Chinese sentence for end users (never the English detail). */
  get userMessage(): string {
    return ERROR_CATALOGUE[this.code].message;
  }
}

/** Narrows unknown errors to AppError, wrapping others as `internal`. */
export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error });
}
