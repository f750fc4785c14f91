import type { KeyStorage } from '../../storage/types';
import { USER_NAME_PATTERN, USER_NAME_RULE } from '@irn-bridge/shared/api/schemas';
import { isRole, ROLES } from '../../security/roles';
import { withStorage } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';

export const keysUsage = `Usage: irn-bridge keys create --user NAME --role clerk|admin [--json]
       irn-bridge keys list [--json]
       irn-bridge keys revoke KEY_ID

create   a key for one person (team mode): printed once, only its hash is kept. Give it to that
         person for their extension or script. clerk: generate, cancel, e-way bills, read, validate,
         GSTIN lookups; admin: also raw IRP calls and keys (/v1/keys). Ledger rows and the audit log name the person.
list     every key: person or paired client, role, when made and last used, revoked or active
revoke   stops a key at once (the companion checks every request against the database)`;

export async function keys(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, user: { type: 'string' }, role: { type: 'string' } }, keysUsage);
  if (values.help) return io.out(keysUsage), 0;
  const [sub, id] = positionals;
  return withStorage(io, async (storage) => {
    const store: KeyStorage = storage.keys;
    if (sub === 'create') {
      const user = ((values.user as string | undefined) ?? '').trim();
      const role = values.role as string | undefined;
      if (!user) throw new UsageError('whose key? Give --user NAME (the person who will use it; the ledger names them)', keysUsage);
      if (!USER_NAME_PATTERN.test(user)) throw new UsageError(`--user "${user}": use ${USER_NAME_RULE}`, keysUsage);
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${role ? `, not "${role}"` : ''}`, keysUsage);
      const { apiKey, keyId } = await store.issue(`irn-bridge keys create (${user})`, null, { role, userName: user });
      if (values.json) printJson(io, { apiKey, keyId, user, role });
      else {
        io.out(`Key ${keyId} for ${user} (${role}):`);
        io.out(`  ${apiKey}`);
        io.out('Shown once: give it to them now. Revoke it with: irn-bridge keys revoke ' + keyId);
      }
      return 0;
    }
    if (sub === 'list') {
      const list = await store.list();
      if (values.json) printJson(io, list);
      else if (!list.length) io.out('No keys. Pair a client with: irn-bridge pair, or make one for a person with: irn-bridge keys create --user NAME --role clerk');
      else for (const k of list) {
        const who = k.userName ? `${k.userName} (${k.role})` : `${k.client} (${k.role}, paired)`;
        io.out(`${k.id}  ${k.revokedAt ? 'REVOKED' : 'active '}  ${who}${k.origin ? `  ${k.origin}` : ''}  created ${k.createdAt}${k.lastUsedAt ? `  last used ${k.lastUsedAt}` : ''}`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      if (!id) throw new UsageError('which key? Give its id (see: irn-bridge keys list)', keysUsage);
      if (!(await store.revoke(id))) {
        io.err(`error: no active key with id ${id}`);
        return 1;
      }
      io.out(`Revoked ${id}.`);
      return 0;
    }
    throw new UsageError(sub ? `unknown keys command "${sub}"` : 'missing keys command', keysUsage);
  });
}
