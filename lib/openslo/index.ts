export { exportOpenSlo } from './export';
export { notOpenSlo, parseOpenSlo } from './parse';
export * from './result';
export { draftFromRow, type SloDefinitionRow, sameDraft } from './rows';
export * from './types';
