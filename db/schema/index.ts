export * from './audit';
export * from './auth';
export * from './catalog';
export * from './prometheus';
export * from './reports';
export * from './settings';
export * from './slo';
export * from './toil';
