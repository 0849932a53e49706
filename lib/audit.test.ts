import { describe, expect, it } from 'vitest';
import { auditEntityLabel } from './audit';

describe('auditEntityLabel', () => {
  it('names the entity from its recorded state', () => {
    expect(auditEntityLabel('slo', '51a63f92-0000', null, { name: 'Checkout availability' })).toBe(
      'SLO Checkout availability',
    );
    expect(auditEntityLabel('toil_entry', 'x', { task: 'Rotate certs' }, null)).toBe(
      'Toil entry Rotate certs',
    );
    expect(auditEntityLabel('user', 'x', null, { email: 'a@b.c' })).toBe('User a@b.c');
  });
  it('falls back to the short id', () => {
    expect(auditEntityLabel('slo', '51a63f92-1111', null, null)).toBe('SLO 51a63f92');
    expect(auditEntityLabel('data_source', 'abcdef123', {}, {})).toBe('Data source abcdef12');
  });
});
