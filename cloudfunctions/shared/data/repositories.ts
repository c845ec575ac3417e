import { AuditRepository } from './audit-repository';
import type { Database } from './database';
import { EventsRepository } from './events-repository';
import { MembersRepository } from './members-repository';
import { OrgsRepository } from './orgs-repository';

export interface Repositories {
  members: MembersRepository;
  orgs: OrgsRepository;
  events: EventsRepository;
  audit: AuditRepository;
}

export function openRepositories(db: Database): Repositories {
  return {
    members: new MembersRepository(db),
    orgs: new OrgsRepository(db),
    events: new EventsRepository(db),
    audit: new AuditRepository(db),
  };
}
