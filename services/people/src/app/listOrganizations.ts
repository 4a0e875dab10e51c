import type { Organization } from '../domain/directory';
import { listOrganizations as all } from '../store/directory';

/** The organizations (Youth League committees, party branches…) and the grids each serves. */
export const listOrganizations = (): Promise<Organization[]> => all();
