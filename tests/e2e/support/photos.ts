import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * A real JPEG made by the browser, with an EXIF block added that carries a GPS position, like a phone
 * camera's. Returns the file's path.
 */
export async function jpegWithLocation(page: Page, name = 'station.jpg'): Promise<string> {
	const base64 = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(1200, 900);
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#005eb8';
		context.fillRect(0, 0, 1200, 900);
		context.fillStyle = '#ffb81c';
		context.fillRect(200, 200, 400, 300);
		const jpeg = new Uint8Array(
			await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer()
		);
		// APP1 "Exif" segment with a TIFF header and a marker text a test can look for.
		const payload = new TextEncoder().encode(
			'Exif\0\0II*\0\x08\0\0\0\0\0GPSLatitude 51.5072N GPSLongitude 0.1276W'
		);
		const segment = new Uint8Array(4 + payload.length);
		segment.set([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
		segment.set(payload, 4);
		const withExif = new Uint8Array(jpeg.length + segment.length);
		withExif.set(jpeg.subarray(0, 2));
		withExif.set(segment, 2);
		withExif.set(jpeg.subarray(2), 2 + segment.length);
		let binary = '';
		for (const byte of withExif) binary += String.fromCharCode(byte);
		return btoa(binary);
	});
	const path = join(tmpdir(), `${Date.now()}-${name}`);
	await writeFile(path, new Uint8Array(Buffer.from(base64, 'base64')));
	return path;
}
