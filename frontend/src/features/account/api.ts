import { api } from '../../api/client';
import { ApiError, asProblem } from '../../api/problem';
import type { PasswordChange } from '../../api/types';

/** Changes the signed-in user's password; the server ends every session on success (204). */
export async function changePassword(body: PasswordChange): Promise<void> {
  const { error, response } = await api.POST('/api/v1/me/password', { body });
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
}
