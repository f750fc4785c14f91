/**
 * Who may call what: the one route → role map, used by the key check (security/auth.ts).
 * A clerk generates, cancels, makes e-way bills, reads and validates; an admin may also make raw
 * IRP calls and manage keys (/v1/keys). Profiles are managed with the CLI on the companion's own
 * machine (`irn-bridge profile …`), which needs the home, not a key.
 */
import { endpoints, type EndpointId } from '@irn-bridge/shared/api/endpoints';
import { KEY_ROLES } from '@irn-bridge/shared/api/schemas';
import { CompanionError } from '../errors';

export const ROLES = KEY_ROLES;
export type Role = (typeof ROLES)[number];

export const isRole = (s: unknown): s is Role => (ROLES as readonly unknown[]).includes(s);

const RANK: Record<Role, number> = { clerk: 0, admin: 1 };

/** Every contract route needs at least a clerk's key unless named here (the compiler lists every id). */
const ADMIN_ONLY: ReadonlySet<EndpointId> = new Set<EndpointId>(['raw', 'keys', 'keyCreate', 'keyRevoke']);

export const roleFor = (id: EndpointId): Role => (ADMIN_ONLY.has(id) ? 'admin' : 'clerk');

/** `{irn}` → one segment; case-insensitive and a trailing slash tolerated, so a variant spelling is never laxer. */
const matchers = (Object.keys(endpoints) as EndpointId[]).map((id) => {
  const e = endpoints[id];
  const body = e.path.split('/').map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return { id, method: e.method.toUpperCase(), re: new RegExp(`^${body}/*$`, 'i'), role: roleFor(id) };
});

/** The strictest role any contract route matching this request needs (null: no route matches; it will be a 404). */
export function requiredRole(method: string, path: string): Role | null {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  let need: Role | null = null;
  for (const r of matchers) {
    if (r.method !== m || !r.re.test(path)) continue;
    if (need === null || RANK[r.role] > RANK[need]) need = r.role;
  }
  return need;
}

export function allows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

export function forbiddenForRole(have: Role, need: Role, user: string | null): CompanionError {
  const who = user ? `${user}'s key` : 'This key';
  return new CompanionError('FORBIDDEN', `${who} is a ${have}'s key; this needs an ${need}'s key.`, {
    hint: `Ask the administrator to do it, or to give you an ${need} key: irn-bridge keys create --user NAME --role ${need}.`,
  });
}
