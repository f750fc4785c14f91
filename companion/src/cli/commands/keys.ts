import { openDatabase } from '../../ledger/db';
import { ApiKeyStore } from '../../security/keys';
import { homeOf } from '../runtime';
import { parse, printJson, UsageError, type Io } from '../io';

export const keysUsage = `Usage: irn-bridge keys list [--json]
       irn-bridge keys revoke KEY_ID

Lists the API keys given out by pairing, or revokes one (effective on the companion's next request).`;

export async function keys(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, keysUsage);
  if (values.help) return io.out(keysUsage), 0;
  const [sub, id] = positionals;
  const db = openDatabase(homeOf(io));
  try {
    const store = new ApiKeyStore(db);
    if (sub === 'list') {
      const list = store.list();
      if (values.json) printJson(io, list);
      else if (!list.length) io.out('No keys. Pair a client with: irn-bridge pair');
      else for (const k of list) {
        io.out(`${k.id}  ${k.revokedAt ? 'REVOKED' : 'active '}  ${k.client}${k.origin ? `  (${k.origin})` : ''}  created ${k.createdAt}${k.lastUsedAt ? `  last used ${k.lastUsedAt}` : ''}`);
      }
      return 0;
    }
    if (sub === 'revoke') {
      if (!id) throw new UsageError('which key? Give its id (see: irn-bridge keys list)', keysUsage);
      if (!store.revoke(id)) {
        io.err(`error: no active key with id ${id}`);
        return 1;
      }
      io.out(`Revoked ${id}.`);
      return 0;
    }
    throw new UsageError(sub ? `unknown keys command "${sub}"` : 'missing keys command', keysUsage);
  } finally {
    db.close();
  }
}
