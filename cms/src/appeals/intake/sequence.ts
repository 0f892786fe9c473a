import type { Payload } from 'payload';
import { storeOf } from '../../store';

/**
 * Atomically increments the named counter and returns its new value, in one database statement, so two
 * concurrent requests (or two CMS instances on MongoDB) never get the same number.
 */
export function nextSequenceValue(payload: Payload, key: string): Promise<number> {
  return incrementCounter(payload, key, 1);
}

/**
 * Atomically adds `by` to the named counter (creating it at `by`) and returns the new value: the numbers
 * `value - by + 1 … value` now belong to the caller alone.
 */
export function incrementCounter(payload: Payload, key: string, by: number): Promise<number> {
  return storeOf(payload).incrementCounter(key, by);
}

/**
 * How many registration numbers one counter increment reserves for this process (hi-lo allocation): one
 * database write per block instead of one per appeal.
 */
export const SEQUENCE_BLOCK_SIZE = 50;

interface Block {
  next: number;
  last: number;
}

interface BlockState {
  blocks: Map<string, Block>;
  /** One reservation at a time per key, so concurrent requests share a block instead of each taking one. */
  reserving: Map<string, Promise<void>>;
}

const BLOCKS_KEY = Symbol.for('portal.sequenceBlocks');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, BlockState> | undefined>;

function blockState(payload: Payload): BlockState {
  const states = (holder[BLOCKS_KEY] ??= new WeakMap());
  let state = states.get(payload);
  if (!state) {
    state = { blocks: new Map(), reserving: new Map() };
    states.set(payload, state);
  }
  return state;
}

/**
 * The next number of the named sequence, taken from a block of {@link SEQUENCE_BLOCK_SIZE} numbers this
 * process reserved with one atomic counter increment. Numbers stay unique across processes and CMS
 * instances sharing the database (each block belongs to one process), but are no longer strictly in
 * order of receipt across instances: two instances hand out numbers from their own blocks, so their
 * numbers interleave. Numbers left in a block when the process stops are never used (gaps).
 */
export async function allocateSequenceValue(payload: Payload, key: string, blockSize = SEQUENCE_BLOCK_SIZE): Promise<number> {
  const state = blockState(payload);
  for (;;) {
    const block = state.blocks.get(key);
    if (block && block.next <= block.last) return block.next++;
    const pending = state.reserving.get(key);
    if (pending) {
      await pending;
      continue;
    }
    const reservation = incrementCounter(payload, key, blockSize).then((last) => {
      state.blocks.set(key, { next: last - blockSize + 1, last });
    });
    state.reserving.set(key, reservation);
    try {
      await reservation;
    } finally {
      state.reserving.delete(key);
    }
  }
}
