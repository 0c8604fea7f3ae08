import { AppError } from '../errors';

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`: first by the declared
 * Content-Length (nothing is read), then by counting the bytes actually received (chunked
 * uploads, lying headers).
 * @throws AppError too_large
 */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError('too_large', `content-length ${declared} > ${maxBytes}`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError('too_large', `body over ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}
