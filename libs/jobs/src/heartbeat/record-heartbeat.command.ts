/** The system queue's liveness job: proves a worker takes and finishes jobs. */
export class RecordHeartbeat {
  constructor(readonly correlationId: string) {}
}

export interface HeartbeatResult {
  readonly ok: true;
  readonly correlationId: string;
  readonly pid: number;
}
