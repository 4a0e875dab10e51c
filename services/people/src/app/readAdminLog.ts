import { adminLogPage } from '../store/adminLog';

/** A page of the people admin log, newest first (the route is for admins only). */
export const readAdminLog = ({ limit, cursor }: { limit: number; cursor?: string | undefined }) => adminLogPage(limit, cursor);
