import { describe, it, expect } from 'vitest';
import { DomainError, EngineError, isDomainError } from './errors.ts';

describe('errors', () => {
  it('EngineError carries a literal code, the field and details for the server to translate', () => {
    const error = new EngineError('invalid_terms', 'tenor', 'tenor must be positive', { value: 0 });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EngineError');
    expect(error.code).toBe('invalid_terms');
    expect(error.field).toBe('tenor');
    expect(error.details).toEqual({ field: 'tenor', value: 0 });
  });

  it('isDomainError recognises domain errors and nothing else', () => {
    expect(isDomainError(new DomainError('x', 'y'))).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
    expect(isDomainError('invalid_terms')).toBe(false);
  });
});
