import type { Principal } from '@lianxin/shared/auth/principal';
import type { GridEntry } from '../../domain/directory';
import { volunteerGridIds } from '../../domain/emergency/call';
import { findGrid } from '../../store/directory';

/** The grids a volunteer lives in or serves, as the directory knows them. */
export const volunteerGrids = async (p: Principal): Promise<GridEntry[]> =>
  (await Promise.all(volunteerGridIds(p).map(findGrid))).filter((g): g is GridEntry => g !== undefined);
