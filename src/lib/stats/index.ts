/** Public API of the statistics package: pure functions, no I/O. See each module's comment for methods. */
export * from './types';
export * from './normal';
export * from './periods';
export * from './compare';
export * from './change';
export * from './trend';
export * from './gaps';
export * from './rollup';
export * from './sentences';
export * from './multiple';
