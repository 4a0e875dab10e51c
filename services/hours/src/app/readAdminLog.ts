import { adminLogPage } from '../store/adminLog';

export interface AdminLogQuery { limit: number; cursor?: string | undefined }

/** A page of the hours admin log, newest first (the route is for admins only). */
export const readAdminLog = ({ limit, cursor }: AdminLogQuery) => adminLogPage(limit, cursor);
