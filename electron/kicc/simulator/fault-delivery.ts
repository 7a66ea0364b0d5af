import type { ServerResponse } from 'node:http';
import type { ActiveFault } from './faults';
import { rawJsonHead, sendEmpty, sendJson, sendText } from './http-io';
import type { PresentedAnswer } from './presentation';
import type { Decision, SimAnswer, SimRequestRecord } from './types';

/**
 * How an answer reaches the client, normally or through a fault, and whether KICC's state
 * commits (./faults.ts FAULT_COMMIT). What the client sees on its socket, per kind:
 *
 * | kind               | state         | the client sees                                        |
 * |--------------------|---------------|--------------------------------------------------------|
 * | (none)             | commits       | HTTP 200 + JSON                                         |
 * | commit-then-drop   | commits       | connection closed after its request, no answer          |
 * | drop-before-commit | unchanged     | connection closed after its request, no answer          |
 * | delay              | commit option | the answer after delayMs (or nothing, if it gave up)    |
 * | corrupt-json       | commit option | HTTP 200 with a complete body that is not JSON          |
 * | truncated-body     | commit option | HTTP 200, half the Content-Length, then end of stream   |
 * | http-500, http-503 | commit option | that status with an HTML body                           |
 * | reset-mid-response | commit option | head and part of the body, then a TCP reset             |
 * | auth-failure       | unchanged     | HTTP 401, empty body                                    |
 * | temporary-error    | commit option | HTTP 200, respCd S999                                   |
 *
 * With commit:false the answer is still computed (it is what the client would have read), but
 * not kept. A delay with commit:false waits FIRST and decides after: KICC was slow to start, and
 * if the client gave up meanwhile the request is never processed.
 */
export interface DeliveryInput {
  res: ServerResponse;
  fault: ActiveFault | undefined;
  decide: () => Decision;
  /** the S999 answer for this request */
  temporaryError: () => SimAnswer;
  /** the answer as the profile writes it on the wire (./presentation.ts) */
  present: (answer: SimAnswer) => PresentedAnswer;
  /** KICC's Date header, for the heads written by hand */
  date: string;
  record: SimRequestRecord;
  /** a timer the simulator cancels on close() */
  later: (ms: number, run: () => void) => void;
}

const RESET_AFTER_MS = 20;

const HTML_500 = '<html><body><h1>500 Internal Server Error</h1></body></html>';
const HTML_503 = '<html><body><h1>503 Service Unavailable</h1></body></html>';

export function deliver(input: DeliveryInput): void {
  const { res, fault, record } = input;
  const socket = res.socket;

  const decided = (commit: boolean): string => {
    const decision = input.decide();
    if (commit) decision.commit();
    record.committed = commit;
    const presented = input.present(decision.answer);
    record.respCd = presented.respCd;
    return presented.body;
  };
  const answer = (status: number, body: string): void => {
    record.httpStatus = status;
    sendJson(res, status, body);
  };

  if (fault === undefined) return answer(200, decided(true));
  record.fault = fault.kind;
  switch (fault.kind) {
    case 'commit-then-drop':
      decided(true);
      socket?.destroy();
      return;
    case 'drop-before-commit':
      socket?.destroy();
      return;
    case 'auth-failure':
      record.httpStatus = 401;
      sendEmpty(res, 401);
      return;
    case 'delay': {
      const body = fault.commit ? decided(true) : undefined;
      input.later(fault.delayMs, () => {
        if (socket === null || socket.destroyed) return;
        answer(200, body ?? decided(true));
      });
      return;
    }
    case 'corrupt-json': {
      const body = decided(fault.commit);
      // A complete HTTP message whose body is not JSON: the closing brace replaced.
      answer(200, `${body.slice(0, -1)},,}`);
      return;
    }
    case 'truncated-body': {
      const body = Buffer.from(decided(fault.commit), 'utf8');
      record.httpStatus = 200;
      socket?.end(
        Buffer.concat([rawJsonHead(body.length, input.date), body.subarray(0, body.length >> 1)]),
      );
      return;
    }
    case 'reset-mid-response': {
      const body = Buffer.from(decided(fault.commit), 'utf8');
      record.httpStatus = 200;
      const part = Buffer.concat([
        rawJsonHead(body.length, input.date),
        body.subarray(0, Math.floor(body.length / 3)),
      ]);
      // Reset a moment after the part is handed to the kernel. Sooner, Linux lets a reader that
      // has not yet read the part see an orderly end-of-stream instead of ECONNRESET (the RST
      // marks the socket done while data is still queued), which is truncated-body, not this.
      socket?.write(part, () =>
        input.later(RESET_AFTER_MS, () => {
          if (!socket.destroyed) socket.resetAndDestroy();
        }),
      );
      return;
    }
    case 'http-500':
    case 'http-503': {
      const status = fault.kind === 'http-500' ? 500 : 503;
      if (fault.commit) decided(true);
      record.httpStatus = status;
      sendText(res, status, status === 500 ? HTML_500 : HTML_503);
      return;
    }
    case 'temporary-error': {
      if (fault.commit) decided(true);
      const s999 = input.present(input.temporaryError());
      record.respCd = s999.respCd;
      answer(200, s999.body);
      return;
    }
  }
}
