import { request as httpRequest } from 'node:http';

/**
 * POSTs a question to /api/chat but sends only the headers and the first bytes of the body, calls `signal`
 * (a shutdown signal to the server) while the request is in flight, then sends the rest: what a draining
 * server must still answer. Resolves with the reply's status and text.
 */
export function inFlightChat(url: URL, question: string, signal: () => void): Promise<{ status: number; text: string }> {
  const body = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: question }] }));
  return new Promise((done, fail) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: '/api/chat', method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (part: string) => { text += part; }).on('end', () => done({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', fail);
    request.write(body.subarray(0, 10));
    setTimeout(() => {
      signal();
      setTimeout(() => request.end(body.subarray(10)), 300);
    }, 100);
  });
}
