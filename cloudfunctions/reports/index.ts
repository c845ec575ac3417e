import { randomBytes } from 'node:crypto';
import { collections } from '../shared/data/documents';
import { spreadsheetBytes } from '../shared/data/spreadsheet-file';
import { toInstant } from '../shared/domain/mapping';
import { registrationWorkbook } from '../shared/domain/registration-sheet';
import { defineFunction, organizedEvent } from '../shared/runtime';

/** How long an export's download link works: long enough to open it, short for a link that carries mobiles. */
const downloadUrlSeconds = 15 * 60;
/** How long an exported file stays in storage before the timer deletes it. */
const exportKeptMs = 60 * 60_000;
/** How many old exports one timer run deletes; the next run takes the rest. */
const exportsPerRun = 50;

const fn = defineFunction('reports', {
  exportRegistrations: {
    access: 'member',
    async run(input, ctx) {
      const event = await organizedEvent(ctx, input.eventId);
      const exporter = (await ctx.member())!;
      const registrations = await ctx.data.registrations.allForEvent(event._id);
      const members = await ctx.data.members.findByIds([...new Set(registrations.map((row) => row.memberId))]);
      const workbook = registrationWorkbook(event, registrations, members, ctx.now, exporter.profile?.name ?? '');
      const bytes = await spreadsheetBytes(workbook.sheets);
      const id = `${event._id}-${randomBytes(6).toString('hex')}`;
      const fileId = await ctx.data.exportFiles.store(`exports/registrations/${id}.xlsx`, bytes, {
        _id: id,
        eventId: event._id,
        memberId: exporter._id,
        createdAt: ctx.now,
        deleteAfter: new Date(ctx.now.getTime() + exportKeptMs),
      });
      ctx.audit({ collection: collections.exportFiles, id });
      return {
        url: await ctx.data.exportFiles.downloadUrl(fileId, downloadUrlSeconds),
        fileName: workbook.fileName,
        people: workbook.people,
        urlExpiresAt: toInstant(new Date(ctx.now.getTime() + downloadUrlSeconds * 1000)),
      };
    },
  },

  removeExpiredExports: {
    access: 'anyone',
    async run(_input, ctx) {
      return { removed: await ctx.data.exportFiles.removeExpired(ctx.now, exportsPerRun) };
    },
  },
}, { timerAction: 'removeExpiredExports' });

export const main = fn.main;
export const invoke = fn.invoke;
