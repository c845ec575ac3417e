export { AppError } from '../domain/app-error';
export type { ActionContext, AuditTarget } from './action-context';
export type { CloudConfig } from './cloud';
export { defineFunction, type Access, type ActionDefinition, type Actions, type InvocationResult, type LocalInvocation } from './define-function';
export { organizedEvent } from './organized-event';
