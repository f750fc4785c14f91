/**
 * Authentication as the NIC sandbox does it (NIC's e-invoice API: RSA-encrypted login, AES session key): an RSA-encrypted login carrying the client's
 * AppKey; the answer carries a token and the session key (SEK) wrapped in that AppKey. Within the
 * token's validity every login returns the same token and SEK; a new one only with
 * ForceRefreshAccessToken in the last 10 minutes, after expiry, or after revocation.
 */
import type { Context } from 'hono';
import { randomBytes } from 'node:crypto';
import { formatIstDateTime } from '@irn-bridge/shared/dates';
import { aesEncrypt, rsaDecryptPkcs1 } from '../irp/crypto';
import type { OfflineContext } from './context';
import type { TokenRow } from './store';
import { findTaxpayer } from './taxpayers';
import { ciGet, err, fail, header, ok, type WireError } from './wire';

const FORCE_REFRESH_WINDOW_MS = 10 * 60_000;

/** Client id/secret and GSTIN headers, shared by login and every business call. */
function checkClientHeaders(ctx: OfflineContext, c: Context): WireError | null {
  const clientId = header(c, 'client_id');
  const clientSecret = header(c, 'client_secret');
  if (!clientId) return err('1011', 'Client Id is required');
  if (!clientSecret) return err('1012', 'Client Secret is required');
  if (clientId !== ctx.credentials.clientId || clientSecret !== ctx.credentials.clientSecret) {
    return err('1010', 'Invalid Client-ID/Client-Secret');
  }
  if (!header(c, 'Gstin')) return err('1004', 'Header GSTIN is required');
  return null;
}

function decodeLogin(ctx: OfflineContext, data: unknown): { payload: Record<string, unknown> } | { error: WireError } {
  if (typeof data !== 'string' || data === '') return { error: err('1007', 'Authentication failed. Pls. inform the helpdesk') };
  let inner: Buffer;
  try {
    inner = rsaDecryptPkcs1(ctx.keys.encryptionPrivateKeyPem, Buffer.from(data, 'base64'));
  } catch {
    return { error: err('1013', 'Decryption of password failed') };
  }
  try {
    // The client base64-encodes the JSON before RSA; tolerate plain JSON too.
    const text = inner.toString('utf8').trim();
    const json = text.startsWith('{') ? text : Buffer.from(text, 'base64').toString('utf8');
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    return { payload: parsed as Record<string, unknown> };
  } catch {
    return { error: err('1007', 'Authentication failed. Pls. inform the helpdesk') };
  }
}

export async function handleAuth(ctx: OfflineContext, c: Context) {
  ctx.counters.authCalls++;
  const headerError = checkClientHeaders(ctx, c);
  if (headerError) return fail(c, [headerError]);
  const gstin = header(c, 'Gstin')!.toUpperCase();

  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return fail(c, [err('1007', 'Authentication failed. Pls. inform the helpdesk')]);
  }
  const login = decodeLogin(ctx, ciGet(body, 'Data'));
  if ('error' in login) return fail(c, [login.error]);
  const payload = login.payload;

  const userName = ciGet(payload, 'UserName');
  const password = ciGet(payload, 'Password');
  const appKeyB64 = ciGet(payload, 'AppKey');
  const forceRaw = ciGet(payload, 'ForceRefreshAccessToken');
  const force = forceRaw === true || String(forceRaw).toLowerCase() === 'true';
  if (typeof userName !== 'string' || userName === '') return fail(c, [err('1006', 'User Name is required')]);
  const appKey = typeof appKeyB64 === 'string' ? Buffer.from(appKeyB64, 'base64') : Buffer.alloc(0);
  if (appKey.length !== 32) return fail(c, [err('1016', 'Decryption of App Key failed')]);
  if (userName !== ctx.credentials.username) return fail(c, [err('1008', 'Invalid login credentials')]);
  if (password !== ctx.credentials.password) return fail(c, [err('1019', 'Incorrect Password')]);

  const taxpayer = findTaxpayer(gstin);
  if (!taxpayer) return fail(c, [err('1015', 'Invalid GSTIN for this user')]);
  if (taxpayer.Status !== 'ACT') return fail(c, [err('1014', 'Inactive User')]);

  const now = ctx.clock.now().getTime();
  const clientId = ctx.credentials.clientId;
  let token = ctx.store.liveToken(clientId, userName, gstin, now);
  if (token && force && now >= token.expires_at - FORCE_REFRESH_WINDOW_MS) {
    ctx.store.revokeToken(token.token);
    token = undefined;
  }
  if (!token) {
    const fresh: Omit<TokenRow, 'revoked'> = {
      token: randomBytes(18).toString('base64url'),
      client_id: clientId,
      username: userName,
      gstin,
      sek: randomBytes(32).toString('base64'),
      expires_at: now + ctx.tokenValidityMinutes * 60_000,
    };
    ctx.store.insertToken(fresh);
    token = { ...fresh, revoked: 0 };
  }
  return ok(
    c,
    {
      ClientId: clientId,
      UserName: userName,
      AuthToken: token.token,
      Sek: aesEncrypt(appKey, Buffer.from(token.sek, 'base64')).toString('base64'),
      TokenExpiry: formatIstDateTime(new Date(token.expires_at)),
    },
    null,
  );
}

export interface AuthorisedCall {
  gstin: string;
  username: string;
  sek: Buffer;
}

/** Checks the headers of a business call: client credentials, then a live token for this GSTIN and user. */
export function authorise(ctx: OfflineContext, c: Context): AuthorisedCall | WireError {
  const headerError = checkClientHeaders(ctx, c);
  if (headerError) return headerError;
  const gstin = header(c, 'Gstin')!.toUpperCase();
  const username = header(c, 'user_name');
  if (!username) return err('1006', 'User Name is required');
  const tokenText = header(c, 'AuthToken');
  const token = tokenText ? ctx.store.token(tokenText) : undefined;
  const now = ctx.clock.now().getTime();
  if (!token || token.revoked || token.expires_at <= now || token.gstin !== gstin || token.username !== username) {
    return err('1005', 'Invalid Token');
  }
  return { gstin, username, sek: Buffer.from(token.sek, 'base64') };
}

export function isWireError(v: AuthorisedCall | WireError): v is WireError {
  return !('sek' in v);
}
