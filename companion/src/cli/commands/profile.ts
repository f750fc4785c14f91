import type { ProfileKind } from '@irn-bridge/shared/api/contract';
import { allowsSandboxGstins } from '@irn-bridge/shared/profiles/choice';
import { checkGstin } from '../../domain';
import { ProfileStore } from '../../profiles/store';
import { SANDBOX_BASE_URL } from '../../profiles/types';
import { homeOf } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';

export const profileUsage = `Usage:
  irn-bridge profile add NAME --gstin G --base-url URL --public-key FILE --client-id ID --client-secret S
                         --username U --password-stdin [--header K=V …] [--kind sandbox|production|gsp] [--default]
  irn-bridge profile list [--json]
  irn-bridge profile remove NAME
  irn-bridge profile default NAME

The password is read from standard input only (e.g. a pipe), never from the command line.
--base-url defaults to the NIC sandbox (${SANDBOX_BASE_URL}) for --kind sandbox, and so does --public-key.`;

const KINDS: ProfileKind[] = ['sandbox', 'production', 'gsp'];

export async function profile(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    gstin: { type: 'string' }, 'base-url': { type: 'string' }, 'public-key': { type: 'string' }, 'client-id': { type: 'string' },
    'client-secret': { type: 'string' }, username: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    header: { type: 'string', multiple: true }, kind: { type: 'string' }, default: { type: 'boolean' }, json: { type: 'boolean' },
  }, profileUsage);
  if (values.help) return io.out(profileUsage), 0;
  const [sub, name] = positionals;
  const store = new ProfileStore(homeOf(io));
  store.ensureDemo();
  switch (sub) {
    case 'list': {
      const def = store.defaultName();
      const list = store.list().map((p) => ({ name: p.name, kind: p.kind, gstin: p.gstin, baseUrl: p.baseUrl, demo: p.demo, isDefault: p.name === def }));
      if (values.json) printJson(io, list);
      else for (const p of list) io.out(`${p.isDefault ? '*' : ' '} ${p.name}  ${p.kind}  ${p.gstin}  ${p.baseUrl}${p.demo ? '  DEMO' : ''}`);
      return 0;
    }
    case 'remove':
      if (!name) throw new UsageError('which profile?', profileUsage);
      store.remove(name);
      io.out(`Removed profile ${name}.`);
      return 0;
    case 'default':
      if (!name) throw new UsageError('which profile?', profileUsage);
      store.setDefault(name);
      io.out(`Default profile: ${name}.`);
      return 0;
    case 'add': {
      if (!name) throw new UsageError('the profile needs a NAME', profileUsage);
      const kind = ((values.kind as string | undefined) ?? 'sandbox') as ProfileKind;
      if (!KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`, profileUsage);
      const need = (flag: string) => {
        const v = values[flag as keyof typeof values] as string | undefined;
        if (!v) throw new UsageError(`--${flag} is required`, profileUsage);
        return v;
      };
      const gstin = need('gstin').toUpperCase();
      const check = checkGstin(gstin, { allowSandboxGstins: allowsSandboxGstins({ kind }) });
      if (!check.ok) throw new UsageError(`--gstin: ${check.message} ${check.hint}`);
      const baseUrl = (values['base-url'] as string | undefined) ?? (kind === 'sandbox' ? SANDBOX_BASE_URL : need('base-url'));
      if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) throw new UsageError('--base-url must be an http(s) URL', profileUsage);
      const publicKeyFile = values['public-key'] as string | undefined;
      if (!publicKeyFile && kind === 'production') throw new UsageError('--public-key is required for production (NIC sends it by e-mail)', profileUsage);
      if (!values['password-stdin']) throw new UsageError('give the password on standard input with --password-stdin', profileUsage);
      const password = (await io.stdin()).replace(/\r?\n$/, '');
      if (!password) throw new UsageError('no password arrived on standard input', profileUsage);
      const headers: Record<string, string> = {};
      for (const h of (values.header as string[] | undefined) ?? []) {
        const i = h.indexOf('=');
        if (i <= 0) throw new UsageError(`--header must be K=V, got "${h.slice(0, 40)}"`, profileUsage);
        headers[h.slice(0, i).trim()] = h.slice(i + 1);
      }
      const added = store.add({
        name, kind, gstin, baseUrl, publicKeyFile, makeDefault: !!values.default,
        secrets: {
          clientId: need('client-id'), clientSecret: need('client-secret'), username: need('username'), password,
          ...(Object.keys(headers).length ? { headers } : {}),
        },
      });
      io.out(`Added profile ${added.name} (${added.kind}, ${added.gstin}, ${added.baseUrl})${store.defaultName() === added.name ? ' — default' : ''}.`);
      return 0;
    }
    default:
      throw new UsageError(sub ? `unknown profile command "${sub}"` : 'missing profile command', profileUsage);
  }
}
