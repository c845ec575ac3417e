import { defineFunction } from '../shared/runtime';
import { membershipActions } from './membership';
import { noteActions } from './notes';
import { sessionActions } from './sessions';

/** Reading clubs: members, books, notes, and the schedule whose sessions are ordinary events (see events and checkin). */
const fn = defineFunction('clubs', { ...membershipActions, ...sessionActions, ...noteActions }, { timerAction: 'generateDue' });

export const main = fn.main;
export const invoke = fn.invoke;
