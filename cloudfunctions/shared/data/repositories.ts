import { AuditRepository } from './audit-repository';
import { CheckinRepository } from './checkin-repository';
import { ClubsRepository } from './clubs-repository';
import type { Database, FileStorage } from './database';
import { EventPhotosRepository } from './event-photos-repository';
import { EventsRepository } from './events-repository';
import { ExportFilesRepository } from './export-files-repository';
import { MembersRepository } from './members-repository';
import { NotificationsRepository } from './notifications-repository';
import { RegistrationsRepository } from './registrations-repository';
import { SeatBook } from './seat-book';
import { OrgsRepository } from './orgs-repository';
import { PledgeSignaturesRepository } from './pledge-signatures-repository';
import { PledgeVersionsRepository } from './pledge-versions-repository';

export interface Repositories {
  members: MembersRepository;
  orgs: OrgsRepository;
  events: EventsRepository;
  eventPhotos: EventPhotosRepository;
  exportFiles: ExportFilesRepository;
  audit: AuditRepository;
  pledgeVersions: PledgeVersionsRepository;
  pledgeSignatures: PledgeSignaturesRepository;
  registrations: RegistrationsRepository;
  notifications: NotificationsRepository;
  seatBook: SeatBook;
  checkin: CheckinRepository;
  clubs: ClubsRepository;
}

export function openRepositories(db: Database, storage: FileStorage): Repositories {
  const registrations = new RegistrationsRepository(db);
  const notifications = new NotificationsRepository(db);
  return {
    registrations,
    notifications,
    seatBook: new SeatBook(db, registrations, notifications),
    members: new MembersRepository(db),
    orgs: new OrgsRepository(db),
    events: new EventsRepository(db),
    eventPhotos: new EventPhotosRepository(storage),
    exportFiles: new ExportFilesRepository(db, storage),
    audit: new AuditRepository(db),
    pledgeVersions: new PledgeVersionsRepository(db),
    pledgeSignatures: new PledgeSignaturesRepository(db, storage),
    checkin: new CheckinRepository(db),
    clubs: new ClubsRepository(db, storage),
  };
}
