/**
 * The baseline: an IRP client as simple scripts write it. Every invoice logs in afresh (RSA + a
 * new SEK) and every request opens a new TCP connection (`agent: false`, no keep-alive). No ledger,
 * no validation: only the wire protocol.
 */
import { request } from 'node:http';
import type { IrpSessionConfig } from '../companion/src/irp/session';
import { aesDecrypt, decryptJson, encryptJson, newAppKey, rsaEncryptPkcs1 } from '../companion/src/irp/crypto';

/** The same credentials as an IrpSession, without the extras a simple script never has. */
export type NaiveConfig = Omit<IrpSessionConfig, 'extraHeaders' | 'timeoutMs'>;

function postJson(url: string, headers: Record<string, string>, body: unknown): Promise<any> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST', agent: false,
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try { resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))); } catch { reject(new Error(`HTTP ${res.statusCode}: not JSON`)); }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const field = (o: any, k: string) => o?.[k] ?? o?.[k.toLowerCase()];

export class NaiveIrpClient {
  authCalls = 0;
  constructor(private readonly c: NaiveConfig) {}

  private headers(): Record<string, string> {
    return { client_id: this.c.clientId, client_secret: this.c.clientSecret, Gstin: this.c.gstin };
  }

  /** Log in, then register: two fresh connections, one RSA encryption, per invoice. Returns the IRN. */
  async generateIrn(invoice: unknown): Promise<string> {
    const appKey = newAppKey();
    const login = JSON.stringify({ UserName: this.c.username, Password: this.c.password, AppKey: appKey, ForceRefreshAccessToken: false });
    const data = rsaEncryptPkcs1(this.c.publicKeyPem, Buffer.from(Buffer.from(login).toString('base64'))).toString('base64');
    this.authCalls++;
    const auth = await postJson(`${this.c.baseUrl}/eivital/v1.04/auth`, this.headers(), { Data: data });
    if (String(field(auth, 'Status')) !== '1') throw new Error(`auth refused: ${JSON.stringify(field(auth, 'ErrorDetails')).slice(0, 200)}`);
    const d = typeof auth.Data === 'string' ? JSON.parse(auth.Data) : auth.Data;
    const sek = aesDecrypt(Buffer.from(appKey, 'base64'), Buffer.from(d.Sek, 'base64'));

    const reply = await postJson(`${this.c.baseUrl}/eicore/v1.03/Invoice`,
      { ...this.headers(), user_name: this.c.username, AuthToken: d.AuthToken }, { Data: encryptJson(sek, invoice) });
    if (String(field(reply, 'Status')) !== '1') throw new Error(`generate refused: ${JSON.stringify(field(reply, 'ErrorDetails')).slice(0, 200)}`);
    const irn = (decryptJson(sek, reply.Data) as { Irn?: string }).Irn;
    if (!irn) throw new Error('generate answered without an IRN');
    return irn;
  }
}
