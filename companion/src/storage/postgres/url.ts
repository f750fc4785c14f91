/** Whether a --database value names PostgreSQL; apart from connect.ts so that a desk's start does not load pg. */
export function isPostgresUrl(s: string | undefined | null): boolean {
  return !!s && /^postgres(ql)?:\/\//i.test(s.trim());
}
