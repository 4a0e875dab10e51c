import { ScanCommand } from 'dynamodb-toolbox';
import type { Envelope } from '@lianxin/shared/events/envelope';
import { outbox, table } from '../src/store/table';

/** Test-only: every event in the ledger's outbox whose payload mentions `needle`. */
export const outboxFor = async (needle: string): Promise<Envelope[]> => {
  const found: Envelope[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.build(ScanCommand).entities(outbox).options({ consistent: true, ...(cursor ? { exclusiveStartKey: cursor } : {}) }).send();
    for (const item of page.Items ?? []) {
      const envelope = item.envelope as Envelope;
      if (JSON.stringify(envelope.data).includes(needle)) found.push(envelope);
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return found.sort((a, b) => (a.id < b.id ? -1 : 1));
};

export const outboxTypes = async (needle: string) => (await outboxFor(needle)).map((e) => e.type);

export const committedTransfers = async (needle: string) =>
  (await outboxFor(needle)).filter((e) => e.type === 'TransferCommitted');
