export * from './audit';
export * from './auth';
export * from './capacity';
export * from './catalog';
export * from './prometheus';
export * from './settings';
export * from './slo';
export * from './toil';
