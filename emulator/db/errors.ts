/**
 * The error codes the emulator answers with, named as CloudBase names them (docs.cloudbase.net/error-code),
 * so code written against the emulator meets the same codes on CloudBase.
 */
export type DatabaseErrorCode =
  /** Signature missing, malformed, made with another key, or older than its 600 s validity. */
  | 'SIGN_PARAM_INVALID'
  /** The request names another environment than the one this emulator serves. */
  | 'INVALID_ENV'
  /** An action neither the database nor an extension (file storage) serves, or a typo. */
  | 'INVALID_ACTION'
  /** Malformed body, missing or ill-typed parameters, malformed EJSON. */
  | 'INVALID_PARAM'
  | 'EXCEED_REQUEST_SIZE_LIMIT'
  /** Any operation on a collection that was never created (CloudBase does not create collections on write). */
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  /** A write that would duplicate `_id` or a key of a unique index (MongoDB's E11000 underneath CloudBase). */
  | 'DATABASE_DUPLICATE_WRITE'
  /**
   * A transaction touched a document that another write changed after the transaction read it. This is the
   * only code `db.runTransaction` retries on (@cloudbase/database's ERRORS.DATABASE_TRANSACTION_CONFLICT).
   */
  | 'DATABASE_TRANSACTION_CONFLICT'
  /** The transaction id is unknown, already committed or aborted, or expired. */
  | 'DATABASE_TRANSACTION_FAIL'
  /** The database rejected the operation: an unknown query operator, an update that conflicts with itself. */
  | 'DATABASE_REQUEST_FAILED'
  | 'SYS_ERR';

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export function invalidParam(message: string): DatabaseError {
  return new DatabaseError('INVALID_PARAM', message);
}

export function collectionNotExist(collection: string): DatabaseError {
  return new DatabaseError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `Db or Table not exist: ${collection}. Create it with db.createCollection() or declare it in cloudfunctions/database/indexes.json`,
  );
}

/** Worded like MongoDB's E11000, which CloudBase passes on in the message. */
export function duplicateKey(collection: string, index: string, key: string): DatabaseError {
  return new DatabaseError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`);
}

export function transactionConflict(collection: string, id: string): DatabaseError {
  return new DatabaseError(
    'DATABASE_TRANSACTION_CONFLICT',
    `database transaction conflict: ${collection}/${id} was changed by another write; retry the transaction`,
  );
}
