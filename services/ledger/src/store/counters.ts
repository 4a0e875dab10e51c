import { GetItemCommand, PutTransaction } from 'dynamodb-toolbox';
import { CounterEntity } from './table';

/** A counter read now and the value to write, conditional on the read (optimistic). */
export interface CounterChange { owner: string; name: string; before: number | undefined; after: number }

export const readCounter = async (owner: string, name: string): Promise<number | undefined> =>
  (await CounterEntity.build(GetItemCommand).key({ owner, name }).options({ consistent: true }).send()).Item?.value;

export const counterPut = ({ owner, name, before, after }: CounterChange) =>
  CounterEntity.build(PutTransaction)
    .item({ owner, name, value: after })
    .options({ condition: before === undefined ? { attr: 'owner', exists: false } : { attr: 'value', eq: before } });
