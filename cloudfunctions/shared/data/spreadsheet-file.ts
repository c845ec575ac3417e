import type { Sheet } from '../domain/registration-sheet';

const headerFill = 'FFEAF1FB';

/**
 * Sheets as an .xlsx file: a bold, frozen header row with filters, text columns kept as text. exceljs is loaded on
 * the first export, so the functions that bundle it start no slower for every other action.
 */
export async function spreadsheetBytes(sheets: Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width, style: column.text ? { numFmt: '@' } : {} }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: headerFill } };
    worksheet.addRows(sheet.rows);
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
