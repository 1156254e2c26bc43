/**
 * A gateway on its way out (SIGTERM, a rolling upgrade): from `start()` it is not ready
 * (/health/ready 503), its sockets are closed with 1001 so clients reconnect elsewhere and
 * resume with their cursor, and new WebSocket upgrades are refused; HTTP requests are still
 * served (each answer closing its connection) until the app closes, which lets those in flight finish.
 */
export class GatewayDrain {
  private started = false;
  private readonly listeners: Array<() => void> = [];

  get draining(): boolean {
    return this.started;
  }

  /** Runs `listener` when the drain starts (at once when it has). */
  whenStarted(listener: () => void): void {
    if (this.started) listener();
    else this.listeners.push(listener);
  }

  /** Starts the drain; idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
}
