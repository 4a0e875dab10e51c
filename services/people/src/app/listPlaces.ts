import { listCommunities, listGrids, listStreets } from '../store/directory';

/** The district's streets, communities and grids (for the profile's pickers). */
export const listPlaces = async () => {
  const [streets, communities, grids] = await Promise.all([listStreets(), listCommunities(), listGrids()]);
  return { streets, communities, grids };
};
