/**
 * The admin logs (ledger, hours, people) are one partition each, sorted by `<at>#<entryId>`
 * and read newest first. A page is read with `limit + 1` items: the extra one only says
 * whether there is more; the cursor is the sort key of the last entry returned.
 */
export const ADMIN_LOG_CURSOR = /^\d{4}-\d\d-\d\dT[\d:.]+Z#\S+$/;

export const adminLogSortKey = ({ at, entryId }: { at: string; entryId: string }) => `${at}#${entryId}`;

/** The page of `limit` entries out of `limit + 1` read, with the cursor when more follow. */
export const newestFirstPage = <T extends { at: string; entryId: string }>(read: T[], limit: number): { items: T[]; cursor?: string } => {
  const items = read.slice(0, limit);
  const last = items[items.length - 1];
  return { items, ...(read.length > limit && last ? { cursor: adminLogSortKey(last) } : {}) };
};
