import { Table } from 'dynamodb-toolbox';
import { documentClient } from './client';

/**
 * Every service table has the same physical shape (declared once in serverless.yml):
 * pk/sk plus two overloaded global indexes. Entities give the items their meaning.
 */
const byEnv = new Map<string, ReturnType<typeof createTable>>();

/** The table named by `tableNameEnv`: one handle per process, whoever asks for it. */
export const serviceTable = (tableNameEnv: string) => {
  let table = byEnv.get(tableNameEnv);
  if (!table) byEnv.set(tableNameEnv, (table = createTable(tableNameEnv)));
  return table;
};

const createTable = (tableNameEnv: string) =>
  new Table({
    name: () => {
      const name = process.env[tableNameEnv];
      if (!name) throw new Error(`${tableNameEnv} is not set`);
      return name;
    },
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
      gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
    },
    documentClient: documentClient(),
  });

export type ServiceTable = ReturnType<typeof createTable>;
