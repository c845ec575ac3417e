/** What the local host's per-call log lines say (`<iso time> fn.action role=<role> <ok|CODE> <ms>ms db=<n>`). */
export interface LoggedCall {
  outcome: string;
  ms: number;
  roundTrips: number;
}

/** Every logged call of `fn.action` in `hostOutput`, in the order the host finished them. */
export function loggedCalls(hostOutput: string, fnAction: string): LoggedCall[] {
  const line = new RegExp(`${fnAction.replace('.', '\\.')} role=\\S+ (\\S+) ([\\d.]+)ms db=(\\d+)`, 'g');
  return [...hostOutput.matchAll(line)].map((match) => ({ outcome: match[1], ms: Number(match[2]), roundTrips: Number(match[3]) }));
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN;
}
