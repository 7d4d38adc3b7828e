/** Nested UI strings; every leaf is a string. */
export interface Messages {
  [key: string]: string | Messages;
}

export interface Strings<T extends Messages = Messages> {
  vi: T;
  en: T;
}

/**
 * Declares a set of strings in both languages. Vietnamese comes first and fixes the shape:
 * TypeScript rejects an English side with a missing or extra key.
 */
export function defineStrings<T extends Messages>(strings: { vi: T; en: NoInfer<T> }): Strings<T> {
  return strings;
}
