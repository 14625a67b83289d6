import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../backend/gerrit/semaphore.ts';

describe('Semaphore', () => {
  it('lets `limit` holders in and the rest follow in order', async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    const c = semaphore.acquire().then((release) => (order.push('c'), release));
    const d = semaphore.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
  });

  it('drops a waiter whose signal aborts, without losing the slot', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    held();
    const again = await semaphore.acquire();
    again();
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
