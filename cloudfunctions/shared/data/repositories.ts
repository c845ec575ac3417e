import { AuditRepository } from './audit-repository';
import type { Database, FileStorage } from './database';
import { EventsRepository } from './events-repository';
import { MembersRepository } from './members-repository';
import { OrgsRepository } from './orgs-repository';
import { PledgeSignaturesRepository } from './pledge-signatures-repository';
import { PledgeVersionsRepository } from './pledge-versions-repository';

export interface Repositories {
  members: MembersRepository;
  orgs: OrgsRepository;
  events: EventsRepository;
  audit: AuditRepository;
  pledgeVersions: PledgeVersionsRepository;
  pledgeSignatures: PledgeSignaturesRepository;
}

export function openRepositories(db: Database, storage: FileStorage): Repositories {
  return {
    members: new MembersRepository(db),
    orgs: new OrgsRepository(db),
    events: new EventsRepository(db),
    audit: new AuditRepository(db),
    pledgeVersions: new PledgeVersionsRepository(db),
    pledgeSignatures: new PledgeSignaturesRepository(db, storage),
  };
}
