import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptedResponse {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Never answer (to provoke the sender's timeout). */
  readonly hang?: boolean;
}

/** A tiny HTTP server standing for our SLA server: records what arrives, answers as scripted (then 200). */
export async function startWebhookReceiver(): Promise<{
  readonly url: string;
  readonly received: ReceivedRequest[];
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}> {
  const received: ReceivedRequest[] = [];
  const script: ScriptedResponse[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.shift() ?? { status: 200 };
      if (next.hang) {
        hanging.push(response);
        return;
      }
      response.writeHead(next.status, next.headers).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/zendesk`,
    received,
    script: (...responses) => script.push(...responses),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
