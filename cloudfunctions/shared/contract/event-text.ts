import type { Venue } from './events';

/** An event's venue on one line, as a calendar entry or a report gives it: "滨江大道，浦东新区滨江大道". */
export function venueLine(venue: Venue): string {
  return [venue.name, venue.address].filter(Boolean).join('，');
}

/** The organisations hosting an event, as people read them: "陆家嘴街道新联会、花木街道新联会". */
export function hostNames(hosts: { name: string }[]): string {
  return hosts.map((host) => host.name).join('、');
}
