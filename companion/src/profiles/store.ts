/**
 * Profiles live in two files in the home: profiles.json (what and where, no secrets) and
 * secrets.json (credentials, mode 0600). The CLI edits them while the server runs, so the store
 * re-reads them whenever their modification time changes.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate, writePrivateFile } from '../home';
import { chooseProfile, type ProfileWish } from '@irn-bridge/shared/profiles/choice';
import { CompanionError } from '../errors';
import { DEMO_GSTIN, DEMO_PROFILE, OFFLINE_BASE_URL, type ProfileConfig, type ProfileSecrets } from './types';

interface ProfilesFile { version: 1; default: string | null; profiles: ProfileConfig[] }
interface SecretsFile { version: 1; profiles: Record<string, ProfileSecrets> }

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export interface AddProfileInput extends Omit<ProfileConfig, 'demo' | 'publicKeyPath' | 'headerNames'> {
  /** A PEM file to copy into <home>/keys. */
  publicKeyFile?: string;
  secrets?: ProfileSecrets;
  makeDefault?: boolean;
}

export class ProfileStore {
  private cache: { stamp: string; file: ProfilesFile } | null = null;

  constructor(readonly home: string) {}

  private get profilesPath() { return join(this.home, 'profiles.json'); }
  private get secretsPath() { return join(this.home, 'secrets.json'); }

  private read(): ProfilesFile {
    const path = this.profilesPath;
    // One stat per call: the CLI may change the file under a running server (profile add/remove).
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return { version: 1, default: null, profiles: [] };
    const stamp = `${st.mtimeMs}:${st.size}`;
    if (this.cache?.stamp !== stamp) {
      this.cache = { stamp, file: JSON.parse(readFileSync(path, 'utf8')) as ProfilesFile };
    }
    return this.cache.file;
  }

  private write(file: ProfilesFile): void {
    writePrivateFile(this.profilesPath, JSON.stringify(file, null, 2) + '\n');
    this.cache = null;
  }

  private readSecrets(): SecretsFile {
    if (!existsSync(this.secretsPath)) return { version: 1, profiles: {} };
    return JSON.parse(readFileSync(this.secretsPath, 'utf8')) as SecretsFile;
  }

  private writeSecrets(file: SecretsFile): void {
    writePrivateFile(this.secretsPath, JSON.stringify(file, null, 2) + '\n');
  }

  list(): ProfileConfig[] { return this.read().profiles; }
  defaultName(): string | null { return this.read().default; }
  get(name: string): ProfileConfig | undefined { return this.read().profiles.find((p) => p.name === name); }
  secretsFor(name: string): ProfileSecrets | undefined { return this.readSecrets().profiles[name]; }

  /** First start: with no profile at all, create the demo profile on the embedded offline IRP. */
  ensureDemo(): boolean {
    if (this.list().length > 0) return false;
    this.write({
      version: 1,
      default: DEMO_PROFILE,
      profiles: [{ name: DEMO_PROFILE, kind: 'offline', gstin: DEMO_GSTIN, baseUrl: OFFLINE_BASE_URL, demo: true }],
    });
    return true;
  }

  add(input: AddProfileInput): ProfileConfig {
    if (!NAME_PATTERN.test(input.name)) {
      throw new CompanionError('BAD_REQUEST', `"${input.name}" is not a usable profile name.`, { hint: 'Use letters, digits, dot, dash or underscore (up to 40).' });
    }
    const file = this.read();
    if (file.profiles.some((p) => p.name === input.name)) {
      throw new CompanionError('CONFLICT', `A profile named "${input.name}" already exists.`, { hint: 'Remove it first or pick another name.' });
    }
    if (input.kind !== 'offline' && !input.secrets) {
      throw new CompanionError('BAD_REQUEST', `A ${input.kind} profile needs IRP credentials.`);
    }
    const profile: ProfileConfig = {
      name: input.name, kind: input.kind, gstin: input.gstin.toUpperCase(),
      baseUrl: input.kind === 'offline' ? OFFLINE_BASE_URL : input.baseUrl.replace(/\/+$/, ''), demo: false,
    };
    if (input.publicKeyFile) {
      const keysDir = ensurePrivateDir(join(this.home, 'keys'));
      const target = join(keysDir, `${input.name}.pem`);
      copyFileSync(input.publicKeyFile, target);
      makePrivate(target);
      profile.publicKeyPath = target;
    }
    if (input.secrets?.headers && Object.keys(input.secrets.headers).length) profile.headerNames = Object.keys(input.secrets.headers);
    if (input.secrets) {
      const secrets = this.readSecrets();
      secrets.profiles[input.name] = input.secrets;
      this.writeSecrets(secrets);
    }
    const makeDefault = input.makeDefault || !file.default || !file.profiles.some((p) => p.name === file.default);
    this.write({ version: 1, default: makeDefault ? input.name : file.default, profiles: [...file.profiles, profile] });
    return profile;
  }

  remove(name: string): void {
    const file = this.read();
    if (!file.profiles.some((p) => p.name === name)) throw profileNotFound(name);
    const rest = file.profiles.filter((p) => p.name !== name);
    this.write({ version: 1, default: file.default === name ? (rest[0]?.name ?? null) : file.default, profiles: rest });
    const secrets = this.readSecrets();
    if (secrets.profiles[name]) {
      delete secrets.profiles[name];
      this.writeSecrets(secrets);
    }
  }

  setDefault(name: string): void {
    const file = this.read();
    if (!file.profiles.some((p) => p.name === name)) throw profileNotFound(name);
    this.write({ ...file, default: name });
  }

  /** The profile for a request, by the shared rule (shared/src/profiles/choice.ts). */
  resolve(wish: ProfileWish = {}): ProfileConfig {
    const choice = chooseProfile(this.list(), this.defaultName(), wish);
    if (choice.ok) return choice.profile;
    if (choice.reason === 'unknown-name') throw profileNotFound(wish.profile ?? '');
    throw new CompanionError('PROFILE_NOT_FOUND', 'No IRP profile is set up.', { hint: 'Add one with: irn-bridge profile add NAME …' });
  }
}

export function profileNotFound(name: string): CompanionError {
  return new CompanionError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`, { hint: 'List profiles with: irn-bridge profile list' });
}
