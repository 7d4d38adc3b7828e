/** The menu entry for a location: the longest entry path that is the location or one of its parents. */
export function activeMenuKey(pathname: string, keys: string[]): string | undefined {
  return keys
    .filter((key) => pathname === key || (key !== '/' && pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];
}
