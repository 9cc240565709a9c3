/** The active tenants the SLA monitor visits (the platform tenant has no tasks). */
export class ListSlaTenants {
  constructor(readonly correlationId: string) {}
}
