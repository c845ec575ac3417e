/** H5 only: the browser saves `href` under `fileName` (same-origin, blob and data links; others ignore the name). */
export function downloadInBrowser(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
