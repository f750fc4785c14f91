/** Team mode: the certificate the companion made for its LAN listener, and the fingerprint clerks check. */
import { keptFingerprint } from '../tls/certificate';
import { ok, warn, type Finding } from './finding';

export function checkTls(home: string, now: Date): Finding[] {
  const kept = keptFingerprint(home);
  if (!kept) return []; // one desk (127.0.0.1): no certificate, nothing to say
  const facts = { certificate: kept.certPath, fingerprint: kept.fingerprint, validTo: kept.validTo };
  if (Date.parse(kept.validTo) < now.getTime() + 30 * 86_400_000) {
    return [warn('tls', `The companion's TLS certificate (${kept.names.join(', ')}) expires on ${kept.validTo}.`,
      'Start it again with --tls-self-signed to make a new one, and tell the clerks its new fingerprint.', facts)];
  }
  return [ok('tls', `TLS certificate for ${kept.names.join(', ')}, SHA-256 fingerprint ${kept.fingerprint} (valid until ${kept.validTo}).`, facts)];
}
