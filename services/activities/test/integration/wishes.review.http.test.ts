import { caller } from '@lianxin/shared/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { freshDistrict, volunteer } from '../support/fixtures';

const app = createApp();

const wishIn = (gridId: string, title: string) => ({ title, gridId, address: '湖滨路18号', contactName: '张三', contactPhone: '13812345678' });

describe("an organizer's review queue", () => {
  it('lists the wishes pending in the grids her organizations serve, and only those', async () => {
    const d = await freshDistrict();
    const resident = volunteer();
    const post = async (gridId: string, title: string) =>
      (await caller(app, resident)('POST', '/wishes', { body: wishIn(gridId, title) })).body.wishId as string;
    const mine = await post(d.grid.gridId, 'served');
    const other = await post(d.otherGrid.gridId, 'served by the other organization');
    const newest = await post(d.grid.gridId, 'served, newer');

    const queue = await caller(app, d.organizer)('GET', '/wishes/review');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((w: { wishId: string }) => w.wishId)).toEqual([newest, mine]);
    // A vetter sees where and who: the queue is what they decide on.
    expect(queue.body.items[0]).toMatchObject({ address: '湖滨路18号', postedBy: resident.userId });
    expect(queue.body.items.map((w: { wishId: string }) => w.wishId)).not.toContain(other);

    // Once approved, a wish leaves the queue.
    await caller(app, d.organizer)('POST', `/wishes/${mine}/approve`, { body: {} });
    const after = await caller(app, d.organizer)('GET', '/wishes/review');
    expect(after.body.items.map((w: { wishId: string }) => w.wishId)).toEqual([newest]);
  });

  it('is for those who vet wishes: a volunteer is refused', async () => {
    const res = await caller(app, volunteer())('GET', '/wishes/review');
    expect(res.status).toBe(403);
  });
});
