import { clubLimits } from '../../../cloudfunctions/shared/contract/club-limits';
import type { ClubSchedule } from '../../../cloudfunctions/shared/contract/clubs';

/** The schedule as the organizer types it: numbers stay text until saved. */
export interface ScheduleForm {
  frequency: ClubSchedule['frequency'];
  weekday: number;
  monthDay: number;
  time: string;
  durationMinutes: string;
  venueName: string;
  venueAddress: string;
  seats: string;
  ahead: string;
}

export function scheduleFormFrom(schedule: ClubSchedule | null): ScheduleForm {
  return {
    frequency: schedule?.frequency ?? 'weekly',
    weekday: schedule?.weekday ?? 6,
    monthDay: schedule?.monthDay ?? 1,
    time: schedule?.time ?? '19:30',
    durationMinutes: String(schedule?.durationMinutes ?? 120),
    venueName: schedule?.venue.name ?? '',
    venueAddress: schedule?.venue.address ?? '',
    seats: String(schedule?.seats ?? 30),
    ahead: String(schedule?.ahead ?? 4),
  };
}

function wholeNumber(typed: string): number | null {
  const value = Number(typed.trim());
  return typed.trim() !== '' && Number.isInteger(value) ? value : null;
}

export type ScheduleCheck = { schedule: ClubSchedule; problem: null } | { schedule: null; problem: string };

/** The form as the server's schedule, or the first problem in words (the server checks the same bounds). */
export function toSchedule(form: ScheduleForm): ScheduleCheck {
  const fail = (problem: string): ScheduleCheck => ({ schedule: null, problem });
  const duration = wholeNumber(form.durationMinutes);
  const seats = wholeNumber(form.seats);
  const ahead = wholeNumber(form.ahead);
  const venueName = form.venueName.trim();
  if (!venueName) return fail('请填写共读地点');
  if (venueName.length > clubLimits.venueName) return fail(`地点不能超过 ${clubLimits.venueName} 个字`);
  if (form.venueAddress.trim().length > clubLimits.venueAddress) return fail(`地址不能超过 ${clubLimits.venueAddress} 个字`);
  if (duration === null || duration < 30 || duration > 600) return fail('每次时长应在 30–600 分钟之间');
  if (seats === null || seats < 1 || seats > clubLimits.seats) return fail(`每期名额应在 1–${clubLimits.seats} 之间`);
  if (ahead === null || ahead < 1 || ahead > clubLimits.sessionsAhead) return fail(`提前生成的期数应在 1–${clubLimits.sessionsAhead} 之间`);
  return {
    problem: null,
    schedule: {
      frequency: form.frequency,
      ...(form.frequency === 'weekly' ? { weekday: form.weekday } : { monthDay: form.monthDay }),
      time: form.time,
      durationMinutes: duration,
      venue: { name: venueName, address: form.venueAddress.trim() },
      seats,
      ahead,
    },
  };
}
