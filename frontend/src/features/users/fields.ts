import { knownFields, type FieldPath } from '../../api/problem';

/**
 * Where the server's field errors for a new user go on the form: the profile fields,
 * the grant list itself (`grants`) and each row's role and area (`grants[0].role`)
 * for as many rows as the form has. Anything else becomes a notification.
 */
export function createUserFields(grantRows: number): (field: string) => FieldPath | null {
  return knownFields([
    'username',
    'display_name',
    'password',
    'phone',
    'grants',
    ...Array.from({ length: grantRows }, (_, i) => [`grants.${i}.role`, `grants.${i}.area_id`]).flat(),
  ]);
}
