/**
 * One IrpSession per profile for the life of the process (so tokens are reused), all sharing a
 * FileTokenCache in <home>/tokens (so a restart reuses a valid token). Offline profiles talk to the
 * embedded offline IRP in-process through its fetch, with its data in <home>/offline-irp.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FileTokenCache, IrpSession, type IrpLogEvent, type TokenCache } from '../irp';
import { sealedTokenCache, type SealingSecrets } from '../irp/sealed-token-cache';
import type { OfflineIrp } from '../offline-irp';
import { ensurePrivateDir } from '../home';
import type { Logger } from '../logger';
import { CompanionError } from '../errors';
import type { ProfileStore } from './store';
import type { ProfileConfig } from './types';

/** What the companion needs from an IRP session (IrpSession satisfies it; tests may pass a fake). */
export type IrpPort = Pick<IrpSession,
  'generateIrn' | 'getByIrn' | 'getByDocDetails' | 'cancelIrn' | 'generateEwbByIrn' | 'cancelEwb' | 'getEwbByIrn' | 'gstinDetails' | 'get' | 'post'>;

const OFFLINE_DIAL_URL = 'http://offline-irp.invalid';
export const SANDBOX_KEY_PATH = fileURLToPath(new URL('../../assets/nic-sandbox-encryption-public-key.pem', import.meta.url));

export class SessionPool {
  private readonly sessions = new Map<string, { fingerprint: string; session: IrpSession }>();
  private offline: Promise<OfflineIrp> | null = null;
  private readonly tokenCache: TokenCache;

  constructor(
    private readonly home: string,
    private readonly store: ProfileStore,
    /**
     * `tokens`: the storage's token cache (shared through PostgreSQL in team mode); else <home>/tokens.
     * `sealTokens`: store each token sealed with its profile's credentials (a cache on a shared server).
     */
    private readonly opts: { now?: () => Date; log?: Logger; tokens?: TokenCache; sealTokens?: boolean } = {},
  ) {
    this.tokenCache = opts.tokens ?? new FileTokenCache(ensurePrivateDir(join(home, 'tokens')));
  }

  /** The embedded offline IRP, created on first use. */
  offlineIrp(): Promise<OfflineIrp> {
    // Imported on first use too: a companion with only remote profiles never loads the offline IRP's code.
    this.offline ??= import('../offline-irp').then(({ createOfflineIrp }) => createOfflineIrp({ dataDir: ensurePrivateDir(join(this.home, 'offline-irp')) }));
    return this.offline;
  }

  async sessionFor(profile: ProfileConfig): Promise<IrpPort> {
    const fingerprint = JSON.stringify(profile);
    const known = this.sessions.get(profile.name);
    if (known && known.fingerprint === fingerprint) return known.session;
    const session = profile.kind === 'offline' ? await this.offlineSession(profile) : this.remoteSession(profile);
    this.sessions.set(profile.name, { fingerprint, session });
    return session;
  }

  private tokensFor(secrets: SealingSecrets): TokenCache {
    return this.opts.sealTokens ? sealedTokenCache(this.tokenCache, secrets) : this.tokenCache;
  }

  private log = (e: IrpLogEvent) => {
    this.opts.log?.debug(`irp ${e.op} ${e.path} ${e.status ?? '-'} ${e.ms}ms${e.codes?.length ? ' codes=' + e.codes.join(',') : ''}`);
  };

  private async offlineSession(profile: ProfileConfig): Promise<IrpSession> {
    const irp = await this.offlineIrp();
    const inProcessFetch = ((input: string | URL | Request, init?: RequestInit) =>
      Promise.resolve(irp.fetch(new Request(input, init)))) as typeof fetch;
    return new IrpSession(
      { baseUrl: OFFLINE_DIAL_URL, gstin: profile.gstin, ...irp.credentials, publicKeyPem: irp.publicKeyPem },
      { tokenCache: this.tokensFor(irp.credentials), fetch: inProcessFetch, now: this.opts.now, log: this.log },
    );
  }

  private remoteSession(profile: ProfileConfig): IrpSession {
    const secrets = this.store.secretsFor(profile.name);
    if (!secrets) {
      throw new CompanionError('PROFILE_NOT_FOUND', `The credentials of profile "${profile.name}" are missing.`,
        { hint: `Add the profile again: irn-bridge profile remove ${profile.name}, then irn-bridge profile add …` });
    }
    const publicKeyPem = readFileSync(profile.publicKeyPath ?? SANDBOX_KEY_PATH, 'utf8');
    return new IrpSession(
      {
        baseUrl: profile.baseUrl, gstin: profile.gstin, clientId: secrets.clientId, clientSecret: secrets.clientSecret,
        username: secrets.username, password: secrets.password, publicKeyPem, extraHeaders: secrets.headers,
      },
      { tokenCache: this.tokensFor(secrets), now: this.opts.now, log: this.log },
    );
  }

  async close(): Promise<void> {
    const irp = this.offline ? await this.offline.catch(() => null) : null;
    await (irp as { close?: () => unknown } | null)?.close?.();
  }
}
