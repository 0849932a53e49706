// Typed domain errors: services throw them, actions and route handlers map them to 4xx.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 400);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} not found`, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this') {
    super(message, 403);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Sign in required') {
    super(message, 401);
  }
}

/** Someone else changed the record since it was loaded (optimistic concurrency). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, 409);
  }
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e?.code ?? e?.cause?.code) === '23505';
}

/** 23503 foreign_key_violation, or 23001 restrict_violation (ON DELETE RESTRICT). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return code === '23503' || code === '23001';
}
