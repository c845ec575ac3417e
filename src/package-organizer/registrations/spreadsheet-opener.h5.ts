/** The link is on the local host's origin, so the browser saves the file under the name given. */
export async function openSpreadsheet(url: string, fileName: string): Promise<void> {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
