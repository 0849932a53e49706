export * from './analysis';
export * from './backtest';
export * from './plan';
export * from './series';
export * from './types';
