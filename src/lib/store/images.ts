import { PHOTO_MAX_EDGE } from '$lib/domain';

/**
 * Shrinks a photo on the device and re-encodes it as JPEG. Drawing the pixels onto a canvas keeps only
 * the picture: EXIF metadata (GPS location, camera, time) is left behind. The orientation the camera
 * recorded is applied first, so the photo still stands the right way up.
 */
export async function compressPhoto(file: Blob, maxEdge = PHOTO_MAX_EDGE, quality = 0.8): Promise<Blob> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
	const width = Math.max(1, Math.round(bitmap.width * scale));
	const height = Math.max(1, Math.round(bitmap.height * scale));
	const canvas = new OffscreenCanvas(width, height);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot resize photos');
	context.drawImage(bitmap, 0, 0, width, height);
	bitmap.close();
	return canvas.convertToBlob({ type: 'image/jpeg', quality });
}
