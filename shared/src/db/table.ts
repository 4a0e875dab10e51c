import { type GlobalIndex, Table } from 'dynamodb-toolbox';
import { documentClient } from './client';

/**
 * Every service table has the same physical shape (declared once in serverless.yml):
 * pk/sk plus two overloaded global indexes. Entities give the items their meaning. A service
 * whose table declares an index of its own beyond these (in tables.yml) names it here too.
 */
const BASE_INDEXES = {
  gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
  gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
} as const;

type ExtraIndexes = Record<string, GlobalIndex>;

const handles = new Map<string, ServiceTable<ExtraIndexes>>();

/**
 * The table named by `tableNameEnv`, with `extraIndexes` beside gsi1/gsi2: one handle per
 * process for each name and indexes, whoever asks for it.
 */
export const serviceTable = <const EXTRA extends ExtraIndexes = {}>(tableNameEnv: string, extraIndexes?: EXTRA): ServiceTable<EXTRA> => {
  const key = `${tableNameEnv}${extraIndexes ? JSON.stringify(extraIndexes) : ''}`;
  let table = handles.get(key) as ServiceTable<EXTRA> | undefined;
  if (!table) handles.set(key, (table = createTable(tableNameEnv, extraIndexes ?? ({} as EXTRA))));
  return table;
};

const createTable = <EXTRA extends ExtraIndexes>(tableNameEnv: string, extraIndexes: EXTRA) =>
  new Table({
    name: () => {
      const name = process.env[tableNameEnv];
      if (!name) throw new Error(`${tableNameEnv} is not set`);
      return name;
    },
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: { ...BASE_INDEXES, ...extraIndexes },
    documentClient: documentClient(),
  });

export type ServiceTable<EXTRA extends ExtraIndexes = {}> = ReturnType<typeof createTable<EXTRA>>;
