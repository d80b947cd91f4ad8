// Entry of a chart worker thread: registers the TypeScript loader in this
// thread (loader hooks of the main thread do not reach workers), then loads
// the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./chart-worker.ts');
