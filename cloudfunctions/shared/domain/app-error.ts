import { errorMessages, type ErrorCode } from '../contract/errors';

/** A failure the caller should see: a stable code, a Chinese message, and the input field at fault if any. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string = errorMessages[code], field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}
