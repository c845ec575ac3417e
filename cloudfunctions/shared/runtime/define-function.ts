import { contract, type ActionName, type ActionOutput, type FunctionName, type ParsedInput } from '../contract';
import { errorMessages, type Reply } from '../contract/errors';
import type { RoleName } from '../contract/vocabulary';
import type { Database, FileStorage } from '../data/database';
import { openRepositories } from '../data/repositories';
import { AppError } from '../domain/app-error';
import { InvocationContext, type ActionContext } from './action-context';
import { localDatabase, localFileStorage, productionApp, productionCallerOpenId, type CloudConfig } from './cloud';
import { parseInput } from './validation';

/** Who may call an action at all; finer role checks happen inside it through `ctx.requireRole`. */
export type Access = 'anyone' | 'member';

export interface ActionDefinition<F extends FunctionName, A extends ActionName<F>> {
  access: Access;
  run(input: ParsedInput<F, A>, ctx: ActionContext): Promise<ActionOutput<F, A>>;
}

export type Actions<F extends FunctionName> = { [A in ActionName<F>]: ActionDefinition<F, A> };

export interface LocalInvocation {
  openId: string | null;
  cloud: CloudConfig;
  callId?: string;
  now?: Date;
}

export interface InvocationResult {
  reply: Reply<unknown>;
  role: RoleName | 'anonymous';
}

interface Invocation {
  openId: string | null;
  db: Database;
  storage: FileStorage;
  now: Date;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own keys only, so `toString` or `__proto__` cannot pass for an action. */
function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** CloudBase calls a function from a timer trigger with `{ Type: 'Timer', TriggerName, Time }`. */
function isTimerEvent(event: unknown): boolean {
  return isPlainObject(event) && event.Type === 'Timer';
}

export interface FunctionOptions<F extends FunctionName> {
  /** The action the function's timer trigger runs (see cloudbaserc.json); it must be harmless for anyone to call. */
  timerAction?: ActionName<F>;
}

function failure(error: AppError): Reply<unknown> {
  return error.field === undefined
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, code: error.code, message: error.message, field: error.field };
}

/**
 * A cloud function: routes `{ action, data }` to its action, checks who may call it, validates the
 * input against the contract, and turns every outcome into a Reply. `main` is the CloudBase entry;
 * `invoke` runs the same code for the local host and tests with the identity and endpoint given per call.
 */
export function defineFunction<F extends FunctionName>(name: F, actions: Actions<F>, options: FunctionOptions<F> = {}) {
  const schemas = contract[name] as Record<string, unknown>;

  async function handle(received: unknown, invocation: Invocation): Promise<InvocationResult> {
    const unprivilegedRole = invocation.openId === null ? 'anonymous' : 'member';
    const event = isTimerEvent(received) && options.timerAction ? { action: options.timerAction } : received;
    // WeChat adds `userInfo` (and more) to events; only `action` and `data` are read, never an identity.
    if (!isPlainObject(event)) return { reply: failure(new AppError('VALIDATION_FAILED')), role: unprivilegedRole };
    const actionName = event.action;
    if (typeof actionName !== 'string' || !hasOwn(actions, actionName) || !hasOwn(schemas, actionName)) {
      return { reply: failure(new AppError('UNKNOWN_ACTION')), role: unprivilegedRole };
    }
    const action = actions[actionName as ActionName<F>] as ActionDefinition<F, ActionName<F>>;
    const ctx = new InvocationContext(name, actionName, invocation.openId, invocation.now, openRepositories(invocation.db, invocation.storage));
    try {
      if (action.access === 'member') ctx.requireOpenId();
      const data = event.data === undefined ? {} : event.data;
      if (!isPlainObject(data)) throw new AppError('VALIDATION_FAILED', errorMessages.VALIDATION_FAILED, 'data');
      const input = parseInput(schemas[actionName] as Parameters<typeof parseInput>[0], data) as ParsedInput<F, ActionName<F>>;
      const output = await action.run(input, ctx);
      await ctx.flushAudit();
      return { reply: { ok: true, data: output }, role: ctx.actingRole() };
    } catch (error) {
      if (error instanceof AppError) return { reply: failure(error), role: ctx.actingRole() };
      console.error(`[${name}.${actionName}] failed`, error);
      return { reply: { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL }, role: ctx.actingRole() };
    }
  }

  return {
    async main(event: unknown, _context: unknown): Promise<Reply<unknown>> {
      try {
        const app = productionApp();
        const { reply } = await handle(event, { openId: productionCallerOpenId(app), db: app.database(), storage: app, now: new Date() });
        return reply;
      } catch (error) {
        console.error(`[${name}] failed before routing`, error);
        return { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL };
      }
    },
    async invoke(event: unknown, local: LocalInvocation): Promise<InvocationResult> {
      try {
        return await handle(event, {
          openId: local.openId || null,
          db: localDatabase(local.cloud, local.callId),
          storage: localFileStorage(local.cloud),
          now: local.now ?? new Date(),
        });
      } catch (error) {
        console.error(`[${name}] failed before routing`, error);
        return { reply: { ok: false, code: 'INTERNAL', message: errorMessages.INTERNAL }, role: local.openId === null ? 'anonymous' : 'member' };
      }
    },
  };
}
