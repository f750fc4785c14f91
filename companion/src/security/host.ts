/**
 * DNS-rebinding defence: a web page that points its own domain at 127.0.0.1 still sends its own
 * name in Host. Only `127.0.0.1:PORT` and `localhost:PORT` are served. The refusal itself is an
 * HTTP answer (421, the request's authority is not ours), made by api/host-guard.ts.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  const h = (host ?? '').toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}
