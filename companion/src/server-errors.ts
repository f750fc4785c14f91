/** A start-up failure with a message meant for the user (e.g. the port is taken, a LAN address without TLS). */
export class CompanionStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanionStartError';
  }
}
