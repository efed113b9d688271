import { describe, expect, it } from 'vitest';
import { MarginStore } from '../../../../renderer/src/review/margin-store';

describe('the review margin store', () => {
  it('starts closed, showing everything', () => {
    expect(new MarginStore().getState()).toEqual({ open: false, filter: 'all' });
  });

  it('opens at the filter each way in asks for, and keeps the filter when none is asked', () => {
    const store = new MarginStore();
    store.show('comments');
    expect(store.getState()).toEqual({ open: true, filter: 'comments' });
    store.close();
    store.show();
    expect(store.getState()).toEqual({ open: true, filter: 'comments' });
  });

  it('a button closes the margin only when it already shows that button’s cards', () => {
    const store = new MarginStore();
    store.toggle('suggestions');
    expect(store.getState()).toEqual({ open: true, filter: 'suggestions' });
    store.toggle('comments');
    expect(store.getState()).toEqual({ open: true, filter: 'comments' });
    store.toggle('comments');
    expect(store.getState()).toEqual({ open: false, filter: 'comments' });
  });

  it('tells its listeners of a change once, and not of a change to the same state', () => {
    const store = new MarginStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.show('all');
    store.show('all');
    store.setFilter('all');
    expect(calls).toBe(1);
    stop();
    store.close();
    expect(calls).toBe(1);
  });
});
