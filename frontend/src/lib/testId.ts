/**
 * `data-testid` for props objects that are not JSX (e.g. a Modal's `okButtonProps`),
 * where TypeScript does not accept `data-*` keys directly.
 */
export function testId(id: string): object {
  return { 'data-testid': id };
}
