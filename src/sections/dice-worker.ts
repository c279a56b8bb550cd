/*
 * Entry of the Dice section's worker thread (bundled as dist/dice-worker.cjs): pieces of the mask
 * batch from the front, as dice-parallel.ts describes.
 */
import { workerData } from 'node:worker_threads';
import { diceWorkerMain, type DiceWorkerData } from './dice-parallel.js';

diceWorkerMain(workerData as DiceWorkerData);
