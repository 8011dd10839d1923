/** Saves `text` as a CSV file called `fileName` (made on the device: works offline). */
export function downloadCsv(fileName: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has its own copy once it has started.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "coproduce-big-i-2026-12-03.csv". */
export function csvFileName(measure: string, date: string): string {
	return `coproduce-${measure}-${date}.csv`;
}
