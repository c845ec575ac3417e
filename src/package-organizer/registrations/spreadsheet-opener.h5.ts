import { downloadInBrowser } from '../../utils/browser-download';

/** The link is on the local host's origin, so the browser saves the file under the name given. */
export async function openSpreadsheet(url: string, fileName: string): Promise<void> {
  downloadInBrowser(url, fileName);
}
