// Complaint photos: uploaded as the raw image bytes (not JSON, not multipart) and read
// back with the bearer token as a blob, which the page shows through an object URL.
import { api, unwrapTagged, type Tagged } from './client';
import { ApiError, asProblem } from './problem';
import type { Complaint } from './types';

export type PhotoPurpose = 'report' | 'result';

/** Largest photo the server accepts (5 MiB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Adds a photo to a complaint; answers the complaint with its attachments. */
export function uploadComplaintPhoto(
  complaintId: string,
  file: Blob & { name?: string },
  purpose: PhotoPurpose,
): Promise<Tagged<Complaint>> {
  const name = (file.name || 'photo').slice(0, 120);
  return unwrapTagged(
    api.POST('/api/v1/complaints/{id}/attachments', {
      params: { path: { id: complaintId }, query: { purpose, name } },
      // The contract describes the body loosely; what goes on the wire is the file itself.
      body: file as unknown as number[],
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

/** The photo's bytes, read with the signed-in user's token. */
export async function fetchComplaintPhoto(complaintId: string, attachmentId: string): Promise<Blob> {
  const { data, error, response } = await api.GET('/api/v1/complaints/{id}/attachments/{attachment_id}', {
    params: { path: { id: complaintId, attachment_id: attachmentId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) {
    throw new ApiError(response.status, asProblem(error));
  }
  return data;
}
